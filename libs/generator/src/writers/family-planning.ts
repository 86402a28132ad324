/**
 * family-planning.csv (the master table t_rk_jbxx, UTF-8): women 15-49, their husbands and
 * children under 7. The system never checked spouse numbers, so some are the person's own or
 * mistyped.
 */
import { stringify } from 'csv-stringify/sync';
import { ageOn } from '../calendar';
import { mistypedId } from '../ids';
import type { Household, Person } from '../model';
import { FileSink } from '../output/file-sink';
import { familyPlanningCoverage } from '../relevance';
import type { RecordNoise } from './record-noise';
import { BaseWriter, pad, type WriterContext } from './writer';

export const FAMILY_PLANNING_COLUMNS = [
  'rkbh',
  'xm',
  'sfzh',
  'xb',
  'csrq',
  'hyzk',
  'pobsfzh',
  'znsl',
  'hh',
  'gxsj',
];
const WITHOUT_SPOUSE = new Set(['10', '30', '40']);

export class FamilyPlanningWriter extends BaseWriter {
  private readonly sink: FileSink;

  constructor(ctx: WriterContext) {
    super('family-planning', 'family-planning.csv', ctx);
    this.sink = new FileSink(this.path);
    this.sink.write(stringify([FAMILY_PLANNING_COLUMNS]));
  }

  household(household: Household): void {
    for (const p of household.members) {
      if (!p.idNumber || familyPlanningCoverage(p, this.ctx.reference) !== 'active') continue;
      const noise = this.noise();
      const rkbh = `RK320400${pad(this.nextSerial(), 10)}`;
      const child = ageOn(p.birthDate, this.ctx.reference) < 15;
      const row = [
        rkbh,
        noise.name(p),
        p.idNumber,
        p.gender,
        p.birthDate,
        child ? '' : p.marital,
        child ? '' : this.spouseId(p, p.idNumber, noise),
        child
          ? ''
          : String(
              household.members.filter((c) => (c.mother === p || c.father === p) && c.status === 'alive')
                .length,
            ),
        household.number,
        this.pastTime(3),
      ];
      this.sink.write(stringify([row]));
      this.truth(rkbh, p, noise.tags);
    }
  }

  private spouseId(p: Person, own: string, noise: RecordNoise): string {
    const spouseId = p.spouse?.idNumber;
    if (!spouseId || WITHOUT_SPOUSE.has(p.marital)) return '';
    if (!noise.rng.chance(this.ctx.noise.spouseIdWrong)) return spouseId;
    if (noise.rng.chance(0.5)) {
      noise.tag('spouse-id-own');
      return own;
    }
    noise.tag('spouse-id-typo');
    return mistypedId(spouseId, noise.rng);
  }

  finish(): Promise<void> {
    this.sink.close();
    return Promise.resolve();
  }
}
