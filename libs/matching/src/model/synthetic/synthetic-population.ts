import type { SourcePerson } from '../../source-person';
import { chance, integer, pick, seededRandom, shuffled, type Random } from '../seeded-random';
import { syntheticPersons, type TruePerson } from './synthetic-persons';

export interface SyntheticPopulation {
  records: SourcePerson[];
  /** Per record, the index of the true person it describes. */
  truth: number[];
  persons: TruePerson[];
}

const SYSTEMS = [
  'police-population',
  'civil-assistance',
  'aging-services',
  'family-planning',
  'public-health',
  'employment',
  'social-insurance',
  'grid-governance',
];
const HOMOPHONES: Record<string, string> = {
  伟: '玮',
  玮: '伟',
  静: '晶',
  晶: '静',
  军: '君',
  君: '军',
  平: '萍',
  萍: '平',
};

/**
 * Each person appears in one to four systems, each copy with the slips the spec describes:
 * missing or mistyped ID numbers, homophones and `?` for rare characters, day and month
 * swapped, month-only dates, stale phones and addresses, a baby filed under the mother's number.
 */
export function syntheticPopulation(options: { persons: number; seed: number }): SyntheticPopulation {
  const random = seededRandom(options.seed);
  const persons = syntheticPersons(random, options.persons);
  const records: SourcePerson[] = [];
  const truth: number[] = [];
  persons.forEach((person, index) => {
    const systems = shuffled(random, SYSTEMS).slice(0, integer(random, 1, 4));
    for (const system of systems) {
      records.push(copyFor(random, system, `${records.length}`, person, persons));
      truth.push(index);
    }
  });
  return { records, truth, persons };
}

function copyFor(
  random: Random,
  system: string,
  recordId: string,
  p: TruePerson,
  all: TruePerson[],
): SourcePerson {
  const [idNumber, idValid] = idFor(random, p, all);
  return {
    system,
    recordId,
    idNumberRaw: idNumber,
    idNumber,
    idValid,
    name: nameFor(random, p.name),
    gender: chance(random, 0.02) ? null : p.gender,
    birthDate: birthDateFor(random, p.birthDate),
    phone: chance(random, 0.4)
      ? null
      : chance(random, 0.1)
        ? `139${integer(random, 10_000_000, 99_999_999)}`
        : p.phone,
    address: chance(random, 0.2)
      ? null
      : chance(random, 0.05)
        ? { ...p.address, estate: '兰陵小区' }
        : p.address,
    attributes: {},
  };
}

function idFor(random: Random, p: TruePerson, all: TruePerson[]): [string | null, boolean] {
  // Clinics file a baby boy (the rule below needs both birth date and gender to contradict)
  // under his mother's number until he has his own.
  const mother = p.mother !== null ? all[p.mother] : undefined;
  const infant = p.birthDate >= '2022';
  if (mother && infant && p.gender === '1' && chance(random, 0.3)) return [mother.id, true];
  if (chance(random, 0.15)) return [null, false];
  if (chance(random, 0.04)) {
    // One wrong sequence digit: the check character no longer fits.
    const position = integer(random, 14, 16);
    const digit = String((Number(p.id[position]) + integer(random, 1, 9)) % 10);
    return [p.id.slice(0, position) + digit + p.id.slice(position + 1), false];
  }
  return [p.id, true];
}

function nameFor(random: Random, name: string): string | null {
  const characters = Array.from(name);
  const last = characters.length - 1;
  if (chance(random, 0.01)) return null;
  if (chance(random, 0.05) && HOMOPHONES[characters[last]]) characters[last] = HOMOPHONES[characters[last]];
  else if (chance(random, 0.02)) characters[last] = '?';
  return characters.join('');
}

function birthDateFor(random: Random, date: string): string | null {
  const [year, month, day] = date.split('-');
  if (chance(random, 0.03)) return null;
  if (chance(random, 0.04)) return `${year}-${month}-00`;
  if (chance(random, 0.04) && Number(day) <= 12 && day !== month) return `${year}-${day}-${month}`;
  if (chance(random, 0.02)) return `${year}-${month}-${pick(random, ['01', '15', '28'])}`;
  return date;
}
