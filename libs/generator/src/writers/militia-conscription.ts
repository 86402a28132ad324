/**
 * militia-conscription.xlsx in the department's template (sheet 兵役登记花名册, merged title row,
 * header row, data from row 3), written with exceljs' streaming writer. Men 18-22 on 31 December
 * of the reference year. The ID number is the key, so it is always written as valid text.
 */
import type { Worksheet } from 'exceljs';
import { EDUCATION, POLITICAL_STATUS, codeName } from '@hub/domain';
import { streetAddress } from '../addresses';
import { ageOn } from '../calendar';
import type { Household } from '../model';
import { militiaCoverage } from '../relevance';
import { PinnedWorkbookWriter } from './pinned-workbook';
import { BaseWriter, type WriterContext } from './writer';

export const MILITIA_SHEET = '兵役登记花名册';
/** The roster covers the whole city: the department's export title for that. */
export const MILITIA_TITLE = '全部社区兵役登记花名册';
export const MILITIA_HEADERS = [
  '序号',
  '姓名',
  '公民身份号码',
  '出生年月',
  '文化程度',
  '政治面貌',
  '联系电话',
  '户籍地',
  '现居住地',
  '登记类型',
];
const WIDTHS = [6, 10, 22, 10, 12, 12, 15, 30, 30, 10];

/** The drop-down words: `高中` is what people pick for 普通高中. */
const educationWord = (code: string | null): string =>
  code === '60' ? '高中' : ((code && codeName(EDUCATION, code)) ?? '其他');

export class MilitiaConscriptionWriter extends BaseWriter {
  private readonly workbook: PinnedWorkbookWriter;
  private readonly sheet: Worksheet;
  private row = 2;

  constructor(ctx: WriterContext) {
    super('militia-conscription', 'militia-conscription.xlsx', ctx);
    this.workbook = new PinnedWorkbookWriter(this.path, new Date(`${ctx.reference}T08:00:00+08:00`));
    this.sheet = this.workbook.addWorksheet(MILITIA_SHEET);
    this.sheet.columns = WIDTHS.map((width) => ({ width }));
    this.sheet.mergeCells(1, 1, 1, MILITIA_HEADERS.length);
    const title = this.sheet.getCell(1, 1);
    title.value = MILITIA_TITLE;
    title.font = { bold: true, size: 16 };
    title.alignment = { horizontal: 'center' };
    this.sheet.getRow(1).commit();
    const header = this.sheet.getRow(2);
    header.values = MILITIA_HEADERS;
    header.font = { bold: true };
    header.commit();
  }

  household(household: Household): void {
    for (const p of household.members) {
      if (!p.idNumber || militiaCoverage(p, this.ctx.reference) !== 'active') continue;
      const noise = this.noise();
      const age = ageOn(p.birthDate, `${this.ctx.reference.slice(0, 4)}-12-31`);
      const row = this.sheet.getRow(++this.row);
      row.values = [
        this.row - 2,
        noise.name(p),
        p.idNumber,
        `${p.birthDate.slice(0, 4)}.${p.birthDate.slice(5, 7)}`,
        educationWord(p.education),
        codeName(POLITICAL_STATUS, p.political) ?? '群众',
        noise.phone(p.mobile) ?? '',
        p.registeredAddress,
        noise.address(household.address, streetAddress),
        age === 18 || this.rng.chance(0.85) ? '初次登记' : '变更登记',
      ];
      row.commit();
      this.truth(p.idNumber, p, noise.tags);
    }
  }

  async finish(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}
