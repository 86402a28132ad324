/**
 * disability.json: certificate holders, one record per certificate (cardNo = ID + type + grade).
 * A re-graded person also has the old certificate, revoked; a holder who died is `deceased`.
 */
import { streetAddress } from '../addresses';
import { ageOn } from '../calendar';
import type { Household, Person } from '../model';
import { FileSink, JsonArraySink } from '../output/file-sink';
import { disabilityCoverage } from '../relevance';
import { BaseWriter, type WriterContext } from './writer';

export class DisabilityWriter extends BaseWriter {
  private readonly sink: FileSink;
  private readonly persons: JsonArraySink;

  constructor(ctx: WriterContext) {
    super('disability', 'disability.json', ctx);
    this.sink = new FileSink(this.path);
    this.persons = new JsonArraySink(this.sink);
  }

  household(household: Household): void {
    for (const p of household.members) {
      const coverage = disabilityCoverage(p);
      if (!coverage || !p.disability || !p.idNumber) continue;
      const { previousGrade, grade } = p.disability;
      if (previousGrade) this.card(household, p, previousGrade, 'revoked');
      this.card(household, p, grade, coverage === 'dead' ? 'deceased' : 'valid');
    }
  }

  private card(household: Household, p: Person, grade: string, status: string): void {
    const noise = this.noise();
    if (status === 'revoked') noise.tag('revoked-card');
    const type = p.disability?.type ?? '';
    const cardNo = `${p.idNumber}${type}${grade}`;
    const guardian = this.guardianOf(household, p, grade);
    this.persons.add({
      cardNo,
      name: noise.name(p),
      idNumber: p.idNumber,
      gender: p.gender,
      birthDate: p.birthDate.replace(/-/g, ''),
      disabilityType: type,
      disabilityGrade: grade,
      guardianName: guardian?.name ?? null,
      guardianPhone: guardian?.mobile ?? guardian?.contactPhone ?? null,
      phone: noise.phone(p.contactPhone),
      address: noise.address(household.address, streetAddress),
      status,
    });
    this.truth(cardNo, p, noise.tags);
  }

  /** Intellectual and mental disabilities, grade 1 and children need a guardian in the family. */
  private guardianOf(household: Household, p: Person, grade: string): Person | undefined {
    const child = ageOn(p.birthDate, this.ctx.reference) < 18;
    if (!child && grade !== '1' && !['5', '6'].includes(p.disability?.type ?? '')) return undefined;
    const adults = household.members.filter(
      (m) => m !== p && m.status === 'alive' && ageOn(m.birthDate, this.ctx.reference) >= 18,
    );
    return (
      adults.find((m) => m === p.spouse) ??
      adults.find((m) => m === p.mother || m === p.father) ??
      adults.find((m) => m.mother === p || m.father === p) ??
      adults[0]
    );
  }

  finish(): Promise<void> {
    this.persons.end();
    this.sink.write('\n');
    this.sink.close();
    return Promise.resolve();
  }
}
