/**
 * social-insurance.csv (GBK, Chinese header, dates `yyyy/M/d`): residents 16 or over outside
 * the employee scheme, with their 参保状态.
 */
import { stringify } from 'csv-stringify/sync';
import type { Household, Person, PensionStatus } from '../model';
import { FileSink } from '../output/file-sink';
import { socialInsuranceCoverage } from '../relevance';
import { gbkNameOf } from './gbk-name';
import { BaseWriter, genderWord, pad, type WriterContext } from './writer';

export const SOCIAL_INSURANCE_HEADER = [
  '个人编号',
  '公民身份号码',
  '姓名',
  '性别',
  '出生日期',
  '户籍性质',
  '参保状态',
  '联系电话',
  '户籍地址',
];

const STATES: Partial<Record<PensionStatus, string>> = {
  paying: '参保缴费',
  suspended: '暂停缴费',
  receiving: '待遇领取',
};

export class SocialInsuranceWriter extends BaseWriter {
  private readonly sink: FileSink;

  constructor(ctx: WriterContext) {
    super('social-insurance', 'social-insurance.csv', ctx);
    this.sink = new FileSink(this.path, 'gbk');
    this.sink.write(stringify([SOCIAL_INSURANCE_HEADER], { record_delimiter: 'windows' }));
  }

  household(household: Household): void {
    for (const p of household.members) {
      if (!p.idNumber || socialInsuranceCoverage(p, this.ctx.reference) !== 'active') continue;
      const noise = this.noise();
      const grbh = `3204${pad(this.nextSerial(), 10)}`;
      const [year, month, day] = p.birthDate.split('-').map(Number);
      const row = [
        grbh,
        p.idNumber,
        gbkNameOf(p, noise),
        genderWord(p),
        `${year}/${month}/${day}`,
        this.householdKind(household, p),
        STATES[p.pension] ?? '参保缴费',
        noise.phone(p.mobile ?? p.contactPhone) ?? '',
        p.registeredAddress,
      ];
      this.sink.write(stringify([row], { record_delimiter: 'windows' }));
      this.truth(grbh, p, noise.tags);
    }
  }

  /** 户籍性质: villagers and migrants are mostly 农业; since the 2016 reform new records say 居民. */
  private householdKind(household: Household, p: Person): string {
    const rural = household.address.community.kind === 'village' || p.registration === 'floating';
    if (rural && this.rng.chance(0.6)) return '农业';
    return p.birthDate < '1990-01-01' && this.rng.chance(0.3) ? '非农业' : '居民';
  }

  finish(): Promise<void> {
    this.sink.close();
    return Promise.resolve();
  }
}
