/**
 * civil-assistance.json: one document per assisted household (active or ended), the head first.
 * Case workers type relations as the family says them (`儿子`, `妻子`), children often have no
 * idCard yet, and a baby may be filed under the mother's number.
 */
import { ageOn } from '../calendar';
import { fullAddress } from '../addresses';
import { mistypedId } from '../ids';
import type { Household, Person } from '../model';
import { FileSink, JsonArraySink } from '../output/file-sink';
import type { RecordNoise } from './record-noise';
import { BaseWriter, genderWord, pad, type WriterContext } from './writer';

/** GB/T 4761 code → the word the system uses (relative to the head). */
function relationWord(code: string): string {
  if (['10', '11', '12'].includes(code)) return '配偶';
  if (code === '28') return '女婿';
  if (code === '38') return '儿媳';
  if (code.startsWith('2')) return '子';
  if (code.startsWith('3')) return '女';
  if (code === '41' || code === '42') return code === '41' ? '孙子' : '孙女';
  if (code === '43' || code === '44') return code === '43' ? '外孙子' : '外孙女';
  if (code === '51' || code === '52') return code === '51' ? '父亲' : '母亲';
  if (['71', '73'].includes(code)) return '兄弟';
  if (['75', '77'].includes(code)) return '姐妹';
  return '其他';
}

/** When the registered head has died, the document's head is another member: relations to them. */
function relationTo(head: Person, m: Person): string {
  if (head.relation === '02') return relationWord(m.relation);
  if (m === head.spouse) return '配偶';
  if (m.father === head || m.mother === head) return m.gender === '1' ? '子' : '女';
  if (head.father === m) return '父亲';
  if (head.mother === m) return '母亲';
  return '其他';
}

const VARIANTS: Readonly<Record<string, (m: Person) => string>> = {
  配偶: (m) => (m.gender === '1' ? '丈夫' : '妻子'),
  子: () => '儿子',
  女: () => '女儿',
};

export class CivilAssistanceWriter extends BaseWriter {
  private readonly sink: FileSink;
  private readonly documents: JsonArraySink;

  constructor(ctx: WriterContext) {
    super('civil-assistance', 'civil-assistance.json', ctx);
    this.sink = new FileSink(this.path);
    this.documents = new JsonArraySink(this.sink);
  }

  household(household: Household): void {
    const assistance = household.assistance;
    if (!assistance) return;
    const living = household.members.filter((p) => p.status === 'alive');
    const head =
      living.find((p) => p.relation === '02' && p.idNumber) ??
      living.find((p) => p.idNumber && ageOn(p.birthDate, this.ctx.reference) >= 18);
    if (!head?.idNumber) return;
    const ordered = [head, ...living.filter((p) => p !== head)];
    const householdNo = `MZ${household.address.community.districtCode}${pad(this.nextSerial(), 6)}`;
    const records = ordered.map((m) => ({ person: m, noise: this.noise() }));
    const members = records.map(({ person, noise }) => this.member(head, person, noise));
    this.documents.add({
      householdNo,
      headName: members[0].name,
      headIdCard: head.idNumber,
      address: records[0].noise.address(household.address, fullAddress),
      assistanceType: assistance.type,
      monthlyAmount: assistance.monthlyAmount,
      approvedOn: assistance.approvedOn,
      status: assistance.status,
      members,
    });
    records.forEach(({ person, noise }, index) => this.truth(`${householdNo}/${index}`, person, noise.tags));
  }

  private member(head: Person, m: Person, noise: RecordNoise): Record<string, string> {
    const rates = this.ctx.noise;
    let relation = m === head ? '户主' : relationTo(head, m);
    const variant = VARIANTS[relation];
    if (variant && noise.hit(rates.relationVariant, 'relation-variant')) relation = variant(m);
    const name = noise.name(m);
    const idCard = m === head ? m.idNumber : this.memberId(m, noise);
    return { name, ...(idCard ? { idCard } : {}), gender: genderWord(m), relation };
  }

  private memberId(m: Person, noise: RecordNoise): string | null {
    const rates = this.ctx.noise;
    if (!m.idNumber) {
      if (m.mother?.idNumber && noise.hit(rates.motherId, 'mother-id')) return m.mother.idNumber;
      return null;
    }
    if (ageOn(m.birthDate, this.ctx.reference) < 16 && noise.hit(rates.childWithoutId, 'missing-id'))
      return null;
    return noise.hit(rates.idTypo, 'id-typo') ? mistypedId(m.idNumber, this.rng) : m.idNumber;
  }

  finish(): Promise<void> {
    this.documents.end();
    this.sink.write('\n');
    this.sink.close();
    return Promise.resolve();
  }
}
