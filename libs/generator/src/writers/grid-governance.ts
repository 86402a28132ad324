/**
 * grid-governance.json `{persons: [...], houses: [...]}`: everyone living in a grid cell (the
 * dead and departed marked), one house per dwelling. Grid workers register floating people by
 * name and phone alone, write flats three ways, and register some people twice. Persons stream to
 * the file; houses to a side file appended at the end, so neither list is held in memory.
 */
import { createReadStream, rmSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { ADDRESS_STYLES, dwellingText } from '../addresses';
import { mistypedId } from '../ids';
import { mobile } from '../phones';
import type { Household, Person } from '../model';
import { FileSink, JsonArraySink } from '../output/file-sink';
import { gridCoverage } from '../relevance';
import { focusTagsOf, nationOf } from './grid-tags';
import type { RecordNoise } from './record-noise';
import { BaseWriter, genderWord, type WriterContext } from './writer';

const PERSON_TYPE = { registered: '户籍', floating: '流动', overseas: '境外' } as const;
const STATUS = { active: 'normal', dead: 'deceased', moved: 'left' } as const;

export class GridGovernanceWriter extends BaseWriter {
  private readonly sink: FileSink;
  private readonly persons: JsonArraySink;
  private readonly houseSink: FileSink;
  private readonly houses: JsonArraySink;

  constructor(ctx: WriterContext) {
    super('grid-governance', 'grid-governance.json', ctx);
    this.sink = new FileSink(this.path);
    this.sink.write('{"persons":');
    this.persons = new JsonArraySink(this.sink);
    this.houseSink = new FileSink(`${this.path}.houses.tmp`);
    this.houses = new JsonArraySink(this.houseSink);
  }

  household(household: Household): void {
    const ids = new Map<Person, string>();
    for (const p of household.members) {
      const coverage = gridCoverage(p);
      if (!coverage || coverage === 'ended') continue;
      ids.set(p, this.person(household, p, STATUS[coverage], false));
      if (coverage === 'active' && this.rng.chance(this.ctx.noise.duplicateGrid))
        this.person(household, p, 'normal', true);
    }
    const living = household.members.filter((p) => p.status === 'alive');
    if (living.length === 0) return;
    const head = living.find((p) => p.relation === '02') ?? living[0];
    this.houses.add({
      houseId: this.rng.hex(32),
      gridCode: household.gridCode,
      address: dwellingText(household.address, this.rng.pick(ADDRESS_STYLES)),
      headPersonId: ids.get(head) ?? '',
      memberPersonIds: living.map((p) => ids.get(p) ?? ''),
    });
  }

  /** A second registration (by another grid worker) often lacks the ID number. */
  private person(household: Household, p: Person, status: string, duplicate: boolean): string {
    const noise = this.noise();
    if (duplicate) noise.tag('duplicate');
    const personId = this.rng.hex(32);
    const idNo = this.idNo(p, duplicate, noise);
    const known =
      noise.phone(p.contactPhone) ?? household.landline ?? household.members.find((m) => m.mobile)?.mobile;
    // Without a number the platform takes a person only with a phone: the worker noted one.
    const phone = known ?? (idNo ? '' : mobile(this.rng));
    const { address, style } = noise.pickAddress(household.address, this.ctx.noise.gridAddressStyle);
    this.persons.add({
      personId,
      gridCode: household.gridCode,
      name: noise.name(p),
      idNo,
      sex: genderWord(p),
      birthday: p.birthDate,
      nation: nationOf(p.ethnicity),
      phone,
      houseAddress: dwellingText(address, style),
      personType: PERSON_TYPE[p.registration],
      focusTags: status === 'normal' ? focusTagsOf(household, p, this.ctx.reference) : [],
      status,
    });
    this.truth(personId, p, noise.tags);
    return personId;
  }

  private idNo(p: Person, duplicate: boolean, noise: RecordNoise): string {
    const rates = this.ctx.noise;
    if (!p.idNumber) {
      return p.mother?.idNumber && noise.hit(rates.motherId, 'mother-id') ? p.mother.idNumber : '';
    }
    const byPhone = p.registration === 'floating' ? rates.floatingWithoutId : 0;
    if (noise.hit(duplicate ? 0.5 : byPhone, 'missing-id')) return '';
    return noise.hit(rates.idTypo, 'id-typo') ? mistypedId(p.idNumber, this.rng) : p.idNumber;
  }

  async finish(): Promise<void> {
    this.persons.end();
    this.sink.write(',"houses":');
    this.sink.close();
    this.houses.end();
    this.houseSink.close();
    const houses = `${this.path}.houses.tmp`;
    for await (const chunk of createReadStream(houses)) await appendFile(this.path, chunk as Buffer);
    await appendFile(this.path, '}\n');
    rmSync(houses);
  }
}
