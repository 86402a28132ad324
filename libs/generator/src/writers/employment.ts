/**
 * employment.csv (GBK, Chinese header): working-age residents who are neither students nor
 * retired. ID numbers were sometimes typed in full-width digits or with a lower-case x, names
 * hold `?` where GBK has no character, and a few people were registered twice.
 */
import { stringify } from 'csv-stringify/sync';
import { streetAddress } from '../addresses';
import { fullWidthId, mistypedId } from '../ids';
import type { Household, Person } from '../model';
import { FileSink } from '../output/file-sink';
import { employmentCoverage } from '../relevance';
import { gbkNameOf } from './gbk-name';
import type { RecordNoise } from './record-noise';
import { BaseWriter, pad, type WriterContext } from './writer';

export const EMPLOYMENT_HEADER = [
  '人员编号',
  '身份证号码',
  '姓名',
  '性别',
  '出生日期',
  '文化程度',
  '就业状态',
  '联系电话',
  '家庭住址',
];

export class EmploymentWriter extends BaseWriter {
  private readonly sink: FileSink;

  constructor(ctx: WriterContext) {
    super('employment', 'employment.csv', ctx);
    this.sink = new FileSink(this.path, 'gbk');
    this.sink.write(stringify([EMPLOYMENT_HEADER], { record_delimiter: 'windows' }));
  }

  household(household: Household): void {
    for (const p of household.members) {
      if (!p.idNumber || employmentCoverage(p, this.ctx.reference) !== 'active') continue;
      this.record(household, p, p.idNumber, false);
      if (this.rng.chance(this.ctx.noise.duplicateOther)) this.record(household, p, p.idNumber, true);
    }
  }

  /** A second registration is an old one: its number typed in full-width digits. */
  private record(household: Household, p: Person, id: string, duplicate: boolean): void {
    const noise = this.noise();
    if (duplicate) noise.tag('duplicate');
    const jyrybh = `320400${pad(this.nextSerial(), 10)}`;
    const row = [
      jyrybh,
      duplicate ? this.oldId(id, noise) : this.idAsTyped(id, noise),
      gbkNameOf(p, noise, 10),
      p.gender,
      p.birthDate,
      p.education ?? '',
      p.employment ?? '',
      noise.phone(p.mobile ?? p.contactPhone) ?? '',
      noise.address(household.address, streetAddress),
    ];
    this.sink.write(stringify([row], { record_delimiter: 'windows' }));
    this.truth(jyrybh, p, noise.tags);
  }

  private oldId(id: string, noise: RecordNoise): string {
    noise.tag('full-width-id');
    return fullWidthId(id);
  }

  private idAsTyped(id: string, noise: RecordNoise): string {
    const rates = this.ctx.noise;
    if (noise.hit(rates.fullWidthId, 'full-width-id')) return fullWidthId(id);
    if (id.endsWith('X') && noise.hit(rates.lowerX, 'lower-x')) return `${id.slice(0, 17)}x`;
    return noise.hit(rates.idTypo, 'id-typo') ? mistypedId(id, noise.rng) : id;
  }

  finish(): Promise<void> {
    this.sink.close();
    return Promise.resolve();
  }
}
