/**
 * public-health.ndjson: one FHIR Patient a line, every resident (babies and foreigners without a
 * number too) and the deceased. Some archives were opened without an ID number, some birth dates
 * have day and month swapped, names may hold a space; a few people have a second archive.
 */
import { fullAddress } from '../addresses';
import { timeOn } from '../calendar';
import type { Household, Person } from '../model';
import { FileSink } from '../output/file-sink';
import { publicHealthCoverage } from '../relevance';
import type { RecordNoise } from './record-noise';
import { BaseWriter, pad, type WriterContext } from './writer';

const RESIDENT_ID = 'urn:cn:resident-id';

export class PublicHealthWriter extends BaseWriter {
  private readonly sink: FileSink;
  /** Archive numbers run per community: 12-digit community code + 5-digit sequence. */
  private readonly sequences = new Map<string, number>();

  constructor(ctx: WriterContext) {
    super('public-health', 'public-health.ndjson', ctx);
    this.sink = new FileSink(this.path);
  }

  household(household: Household): void {
    for (const p of household.members) {
      if (!publicHealthCoverage(p)) continue;
      this.archive(household, p, false);
      if (p.status === 'alive' && this.rng.chance(this.ctx.noise.duplicateOther))
        this.archive(household, p, true);
    }
  }

  /** A second archive cannot carry the number (the system refuses it twice): it was opened without. */
  private archive(household: Household, p: Person, duplicate: boolean): void {
    const noise = this.noise();
    if (duplicate) noise.tag('duplicate');
    const community = household.address.community.code;
    const sequence = (this.sequences.get(community) ?? 0) + 1;
    this.sequences.set(community, sequence);
    const id = `${community}${pad(sequence, 5)}`;
    const withoutId = duplicate || noise.rng.chance(this.ctx.noise.archiveWithoutId);
    if (p.idNumber && withoutId) noise.tag('missing-id');
    const phone = noise.phone(p.contactPhone);
    const patient = {
      resourceType: 'Patient',
      id,
      meta: {
        versionId: '1',
        lastUpdated: `${timeOn(this.pastDay(4), this.rng).replace(' ', 'T')}.000+08:00`,
      },
      ...(p.idNumber && !withoutId ? { identifier: [{ system: RESIDENT_ID, value: p.idNumber }] } : {}),
      name: [{ text: noise.name(p, { spaceRate: this.ctx.noise.nameSpace * 3 }) }],
      gender: p.gender === '1' ? 'male' : 'female',
      birthDate: this.birthDate(p.birthDate, noise),
      ...(phone ? { telecom: [{ system: 'phone', value: phone }] } : {}),
      address: [this.address(household, noise)],
      deceasedBoolean: p.status === 'dead',
    };
    this.sink.write(`${JSON.stringify(patient)}\n`);
    this.truth(id, p, noise.tags);
  }

  private address(
    household: Household,
    noise: RecordNoise,
  ): { text: string; city: string; district: string } {
    const { address, style } = noise.pickAddress(household.address);
    return { text: fullAddress(address, style), city: '常州市', district: address.community.districtName };
  }

  /** yyyy-dd-MM typed for yyyy-MM-dd: only possible (and unnoticed) when the day is 12 or less. */
  private birthDate(birthDate: string, noise: RecordNoise): string {
    const [year, month, day] = birthDate.split('-');
    if (day > '12' || day === month || !noise.hit(this.ctx.noise.dateSwap, 'date-swap')) return birthDate;
    return `${year}-${day}-${month}`;
  }

  finish(): Promise<void> {
    this.sink.close();
    return Promise.resolve();
  }
}
