import { makeCitizenId } from '@hub/domain';

const REGIONS = ['320402', '320404', '320411', '320412', '320413', '320481'];
let counter = Math.floor(Math.random() * 1000);

/** A valid citizen ID, unique within a test file, for the birth date and gender (odd = male). */
export function idFor(birthDate: string, gender: '1' | '2'): string {
  counter += 1;
  const sequence = 2 * (counter % 499) + (gender === '1' ? 1 : 2);
  return makeCitizenId(REGIONS[Math.floor(counter / 499) % REGIONS.length], birthDate, sequence);
}

/** A date `days` before today, in Beijing (the workers' calendar, whatever the server's zone). */
export const daysAgo = (days: number): string =>
  new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);

export function yearsAgo(years: number, monthDay = '03-15'): string {
  return `${new Date().getFullYear() - years}-${monthDay}`;
}

export function person(
  name: string,
  relation: string,
  age: number,
  gender: '1' | '2',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const birthDate = yearsAgo(age);
  return {
    idNumber: idFor(birthDate, gender),
    name,
    gender,
    ethnicity: '01',
    birthDate,
    registrationType: 'registered',
    relation,
    ...extra,
  };
}

let room = 100;

/** The household of four: a 62-year-old head with a grade-2 physical disability and 低保. */
export function familyOfFour(): Record<string, unknown> {
  room += 1;
  return {
    type: 'family',
    address: { estate: '青龙苑', building: '3', unit: '2', room: String(room) },
    assistance: { type: 'dibao', amount: '1200', approvedOn: '2025-06-01' },
    members: [
      person('王建国', '02', 62, '1', {
        disability: { type: '4', grade: '2' },
        phone: '13812345678',
        maritalStatus: '20',
      }),
      person('李秀英', '10', 35, '2', { maritalStatus: '20' }),
      person('王小明', '20', 19, '1', { education: '60' }),
      person('王小红', '30', 3, '2'),
    ],
  };
}

/** A valid ID whose check character is X (about one number in eleven). */
export function idEndingInX(birthDate: string, gender: '1' | '2'): string {
  for (;;) {
    const id = idFor(birthDate, gender);
    if (id.endsWith('X')) return id;
  }
}

/** A 15-digit legacy number (born 1900-1999) that upgrades to a valid 18-digit one. */
export function legacyIdFor(birthDate: string, gender: '1' | '2'): string {
  counter += 1;
  const sequence = 2 * (counter % 499) + (gender === '1' ? 1 : 2);
  return `${REGIONS[0]}${birthDate.slice(2).replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
}

/** The same ID with a wrong (but well-formed) check character. */
export function withWrongCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

/** Digits and X typed with a full-width keyboard (`３２０４…Ｘ`). */
export function fullWidth(text: string): string {
  return text.replace(/[0-9X]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

export type Members = Array<Record<string, unknown>>;

/** familyOfFour() with one thing changed; the change gets the body and its members. */
export function brokenFamily(
  change: (body: Record<string, unknown>, members: Members) => void,
): Record<string, unknown> {
  const body = familyOfFour();
  change(body, body.members as Members);
  return body;
}
