/**
 * aging-services.json: residents 60 or over, the deceased and the moved-out kept with their status.
 * Records from before 2010 still carry 15-digit numbers; addresses and phones are often stale.
 */
import { streetAddress } from '../addresses';
import { ageOn } from '../calendar';
import { legacyIdOf } from '../ids';
import type { Household, Person } from '../model';
import { pickSurname } from '../names/han-names';
import { FileSink, JsonArraySink } from '../output/file-sink';
import { mobile } from '../phones';
import { agingCoverage } from '../relevance';
import { BaseWriter, pad, type WriterContext } from './writer';

const STATUS = { active: 'active', dead: 'deceased', moved: 'moved' } as const;
const CHILD_NAMES = ['建华', '国强', '丽娟', '小红', '卫东', '晓明', '海燕', '志刚', '秀芳', '军'];

function allowanceLevel(age: number): string {
  if (age >= 100) return '100+';
  if (age >= 90) return '90-99';
  return age >= 80 ? '80-89' : 'none';
}

export class AgingServicesWriter extends BaseWriter {
  private readonly sink: FileSink;
  private readonly elders: JsonArraySink;

  constructor(ctx: WriterContext) {
    super('aging-services', 'aging-services.json', ctx);
    this.sink = new FileSink(this.path);
    this.elders = new JsonArraySink(this.sink);
  }

  household(household: Household): void {
    for (const p of household.members) this.elder(household, p);
  }

  private elder(household: Household, p: Person): void {
    const coverage = agingCoverage(p, this.ctx.reference);
    if (!coverage || coverage === 'ended' || !p.idNumber) return;
    const noise = this.noise();
    const elderId = `EL${pad(this.nextSerial(), 10)}`;
    const age = ageOn(p.birthDate, this.ctx.reference);
    this.elders.add({
      elderId,
      name: noise.name(p),
      idCard: noise.hit(this.ctx.noise.legacyIdAging, 'legacy-id') ? legacyIdOf(p.idNumber) : p.idNumber,
      gender: p.gender === '1' ? 'M' : 'F',
      birthDate: p.birthDate,
      phone: noise.phone(p.contactPhone),
      address: noise.address(household.address, streetAddress),
      livingStatus: this.livingStatus(household, p, age),
      allowanceLevel: allowanceLevel(age),
      emergencyContact: this.emergencyContact(household, p),
      status: STATUS[coverage],
    });
    this.truth(elderId, p, noise.tags);
  }

  private livingStatus(household: Household, p: Person, age: number): string {
    const others = household.members.filter((m) => m !== p && m.status === 'alive');
    if (others.length === 0) return age >= 85 && this.rng.chance(0.15) ? 'institution' : 'alone';
    return others.every((m) => m === p.spouse) ? 'with_spouse' : 'with_children';
  }

  /** A younger member with a mobile, else a child living elsewhere (a name and a number). */
  private emergencyContact(household: Household, p: Person): { name: string; phone: string } | null {
    const younger = household.members.find(
      (m) => m !== p && m !== p.spouse && m.status === 'alive' && m.mobile && m.birthDate > p.birthDate,
    );
    if (younger?.mobile) return { name: younger.name, phone: younger.mobile };
    if (!this.rng.chance(0.7)) return null;
    const surname = p.dotted || !p.surname ? pickSurname(this.rng) : p.surname;
    return { name: surname + this.rng.pick(CHILD_NAMES), phone: mobile(this.rng) };
  }

  finish(): Promise<void> {
    this.elders.end();
    this.sink.write('\n');
    this.sink.close();
    return Promise.resolve();
  }
}
