import ExcelJS from 'exceljs';
import { residentSnapshot } from '../testing/snapshots';
import { toRosterEntry } from './militia-conscription.mapping';
import { buildRoster, readRoster } from './militia-conscription.roster';

describe(buildRoster.name, () => {
  const entries = [
    toRosterEntry(residentSnapshot({ name: '王小军', birthDate: '2006-02-11', education: '60' }), '初次登记'),
    toRosterEntry(residentSnapshot({ name: '李明', birthDate: '2004-09-30', education: '30' }), '注销登记'),
  ];

  it('follows the template: merged title, headers on row 2, data from row 3, text cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildRoster('青龙苑社区', entries)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('兵役登记花名册')!;
    expect(sheet.getCell('A1').value).toBe('青龙苑社区兵役登记花名册');
    expect(sheet.getCell('J1').isMerged).toBe(true);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      ...[
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
      ],
    ]);
    expect(sheet.getCell('A3').value).toBe('1');
    expect(sheet.getCell('C3').value).toBe(entries[0].公民身份号码);
    expect(sheet.getCell('D4').value).toBe('2004.09');
    expect(sheet.getCell('J4').value).toBe('注销登记');
  });

  it('reads back what it wrote, by header', async () => {
    const lines = await readRoster(await buildRoster('青龙苑社区', entries));
    expect(lines).toEqual(entries.map((entry, i) => ({ 序号: String(i + 1), ...entry })));
  });
});
