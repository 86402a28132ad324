/**
 * Citizen ID numbers (公民身份号码) per GB 11643-1999: 6-digit region code, birth date
 * `yyyyMMdd`, 3-digit sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check
 * character. Legacy 15-digit numbers (before 1999) have a `yyMMdd` date and no check character.
 */
import { formatCalendarDate, localCalendarDate, parseCalendarDate } from '../text/calendar-date';
import { toHalfWidth } from '../text/full-width';

export type CitizenIdProblem = 'empty' | 'format' | 'region' | 'birth-date' | 'checksum';

export type ParsedCitizenId = {
  /** Normalised 18-character number (legacy numbers already upgraded). */
  value: string;
  /** GB/T 2260 county code at first registration, 6 digits. */
  regionCode: string;
  /** `yyyy-MM-dd`. */
  birthDate: string;
  /** GB/T 2261.1: odd sequence = `1` male, even = `2` female. */
  gender: '1' | '2';
  upgradedFromLegacy: boolean;
};

export type CitizenIdParseResult =
  { ok: true; id: ParsedCitizenId } | { ok: false; problem: CitizenIdProblem; message: string };

export type CitizenIdMismatch = { field: 'birthDate' | 'gender'; message: string };

const PROBLEM_MESSAGES: Readonly<Record<CitizenIdProblem, string>> = {
  empty: '请填写公民身份号码',
  format: '公民身份号码应为18位（或旧版15位）数字，最后一位可以是X',
  region: '公民身份号码的前6位地区码不正确',
  'birth-date': '公民身份号码中的出生日期不正确',
  checksum: '公民身份号码校验位错误',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/**
 * First two digits of GB/T 2260 province-level codes, plus 71/81/82 (Taiwan, Hong Kong,
 * Macau), 83 (residence permits for Taiwan residents) and 91 (kept from the hub's list for
 * numbers issued to foreigners). A full county table would go stale; the province is enough
 * to catch typing slips in the first digits.
 */
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83', '91'],
]);

/** Nobody alive was born earlier; older dates are typing slips (1889 for 1989). */
const EARLIEST_BIRTH_DATE = '1890-01-01';

const EIGHTEEN_CHARACTERS = /^\d{17}[\dX]$/;
const FIFTEEN_DIGITS = /^\d{15}$/;
const SEVENTEEN_DIGITS = /^\d{17}$/;

/** Removes every kind of whitespace and turns full-width digits and `x`/`ｘ`/`Ｘ` into `0-9`/`X`. */
export function normaliseCitizenId(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').replace(/x/g, 'X');
}

export function citizenIdCheckCharacter(first17: string): string {
  if (!SEVENTEEN_DIGITS.test(first17)) {
    throw new RangeError('citizenIdCheckCharacter needs exactly 17 digits');
  }
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

/** 15 → 18 digits: the century `19` goes after the region code, the check character at the end. */
export function upgradeLegacyCitizenId(id15: string): string {
  const legacy = normaliseCitizenId(id15);
  if (!FIFTEEN_DIGITS.test(legacy)) {
    throw new RangeError('upgradeLegacyCitizenId needs a 15-digit legacy number');
  }
  const first17 = `${legacy.slice(0, 6)}19${legacy.slice(6)}`;
  return first17 + citizenIdCheckCharacter(first17);
}

function failure(problem: CitizenIdProblem): CitizenIdParseResult {
  return { ok: false, problem, message: PROBLEM_MESSAGES[problem] };
}

/**
 * Checks in the order a person would read the number (length, region, birth date, check
 * character), so the message points at the first thing that is wrong.
 */
export function parseCitizenId(raw: string, today: Date = new Date()): CitizenIdParseResult {
  const normalised = normaliseCitizenId(raw);
  if (normalised === '') return failure('empty');

  const isLegacy = FIFTEEN_DIGITS.test(normalised);
  if (!isLegacy && !EIGHTEEN_CHARACTERS.test(normalised)) return failure('format');

  const regionCode = normalised.slice(0, 6);
  if (!PROVINCE_PREFIXES.has(regionCode.slice(0, 2))) return failure('region');

  const compactBirthDate = isLegacy ? `19${normalised.slice(6, 12)}` : normalised.slice(6, 14);
  const birthDate = birthDateIfPlausible(compactBirthDate, today);
  if (birthDate === undefined) return failure('birth-date');

  const value = isLegacy ? upgradeLegacyCitizenId(normalised) : normalised;
  if (!isLegacy && citizenIdCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return failure('checksum');
  }

  const gender = Number(value[16]) % 2 === 1 ? '1' : '2';
  return { ok: true, id: { value, regionCode, birthDate, gender, upgradedFromLegacy: isLegacy } };
}

function birthDateIfPlausible(yyyyMMdd: string, today: Date): string | undefined {
  const isoDate = `${yyyyMMdd.slice(0, 4)}-${yyyyMMdd.slice(4, 6)}-${yyyyMMdd.slice(6, 8)}`;
  if (parseCalendarDate(isoDate) === undefined) return undefined;
  // ISO dates compare correctly as strings.
  const todayIso = formatCalendarDate(localCalendarDate(today));
  return isoDate >= EARLIEST_BIRTH_DATE && isoDate <= todayIso ? isoDate : undefined;
}

/**
 * The spec says a mismatch between the number and the stored birth date or gender is an input
 * error to show, never to guess which one is right. Fields not stored yet are not compared.
 * A stored gender of `0`/`9` (unknown/unspecified) is reported too: the number states it.
 */
export function citizenIdConsistency(
  id: ParsedCitizenId,
  stored: { birthDate?: string; gender?: string },
): CitizenIdMismatch[] {
  const mismatches: CitizenIdMismatch[] = [];
  if (stored.birthDate && stored.birthDate !== id.birthDate) {
    const [year, month, day] = id.birthDate.split('-').map(Number);
    mismatches.push({
      field: 'birthDate',
      message: `出生日期与公民身份号码不一致（号码中为${year}年${month}月${day}日）`,
    });
  }
  if (stored.gender && stored.gender !== id.gender) {
    const genderName = id.gender === '1' ? '男' : '女';
    mismatches.push({ field: 'gender', message: `性别与公民身份号码不一致（号码中为${genderName}）` });
  }
  return mismatches;
}

/**
 * First 6 and last 4 visible (`320402********123X`). Anything that is not a full-length
 * number keeps only 2 characters at each end, and very short input is masked entirely,
 * so a half-typed number never shows more than a real one would.
 */
export function maskCitizenId(id: string): string {
  const characters = Array.from(normaliseCitizenId(id));
  const length = characters.length;
  if (length === 0) return '';
  const [head, tail] = length === 18 ? [6, 4] : length > 4 ? [2, 2] : [0, 0];
  return (
    characters.slice(0, head).join('') +
    '*'.repeat(length - head - tail) +
    characters.slice(length - tail).join('')
  );
}

/** Builds a valid 18-character number; for seeds and test data generators. */
export function makeCitizenId(regionCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError('makeCitizenId: regionCode must be 6 digits');
  if (parseCalendarDate(birthDate) === undefined) {
    throw new RangeError('makeCitizenId: birthDate must be a real yyyy-MM-dd date');
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError('makeCitizenId: sequence must be an integer 0-999');
  }
  const first17 = regionCode + birthDate.replace(/-/g, '') + String(sequence).padStart(3, '0');
  return first17 + citizenIdCheckCharacter(first17);
}
