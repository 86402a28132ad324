import { pinyin } from 'pinyin-pro';
import type { ParsedAddress, SourcePerson } from '../source-person';
import { effectiveId } from './effective-id';

/** A birth date split once so comparing two of them costs a few integer checks. */
export interface BirthDate {
  year: number;
  month: number;
  /** 0 when the source keeps only the month (`yyyy-MM-00`). */
  day: number;
  /** `yyyyMMdd` (`yyyyMM00` month-only), for digit-typo checks. */
  digits: string;
  /** Days since 1970-01-01; null for month-only dates. */
  dayNumber: number | null;
}

/** Everything a pair comparison needs, computed once per record instead of once per pair. */
export interface PreparedPerson {
  readonly source: SourcePerson;
  /** See `effectiveId`: the number matching uses, null when absent or disowned. */
  readonly id: string | null;
  /** `id` when it is a valid 18-character number: the one hard rules and clustering protect. */
  readonly validId: string | null;
  readonly name: string | null;
  readonly nameChars: readonly string[];
  /** Toneless pinyin of the whole name (`zhangwei`), null when the name has no letters. */
  readonly pinyin: string | null;
  readonly surnamePinyin: string | null;
  readonly birth: BirthDate | null;
  readonly gender: '1' | '2' | null;
  readonly phone: string | null;
  readonly address: ParsedAddress | null;
  /** Address text without whitespace, for records whose address could not be parsed. */
  readonly addressText: string | null;
  /** `system/recordId`: a tie-breaker that does not depend on where the record sits in a list. */
  readonly stableKey: string;
}

type NamePinyin = { full: string | null; surname: string | null };

/** Pinyin by name; pass one per batch, since many records share a name and pinyin-pro is slow. */
export type PinyinCache = Map<string, NamePinyin>;

export function prepare(p: SourcePerson, cache?: PinyinCache): PreparedPerson {
  const id = effectiveId(p);
  const name = p.name || null;
  const namePinyin = name ? pinyinOf(name, cache) : { full: null, surname: null };
  const addressText = p.address?.text.replace(/\s+/g, '') || null;
  return {
    source: p,
    id,
    validId: id !== null && p.idValid ? id : null,
    name,
    nameChars: name ? Array.from(name) : [],
    pinyin: namePinyin.full,
    surnamePinyin: namePinyin.surname,
    birth: parseBirthDate(p.birthDate),
    gender: p.gender,
    phone: p.phone || null,
    address: p.address,
    addressText,
    stableKey: `${p.system}/${p.recordId}`,
  };
}

export function prepareAll(people: readonly SourcePerson[]): PreparedPerson[] {
  const cache: PinyinCache = new Map();
  return people.map((p) => prepare(p, cache));
}

function pinyinOf(name: string, cache?: PinyinCache): NamePinyin {
  const cached = cache?.get(name);
  if (cached) return cached;
  // `surname: 'head'` reads polyphonic surnames right (单 shan, 曾 zeng); `v` keeps ü ASCII.
  const syllables = pinyin(name, {
    type: 'array',
    toneType: 'none',
    surname: 'head',
    nonZh: 'consecutive',
    v: true,
  })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter((s) => s !== '');
  const result = { full: syllables.join('') || null, surname: syllables[0] ?? null };
  cache?.set(name, result);
  return result;
}

const BIRTH_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function parseBirthDate(text: string | null): BirthDate | null {
  const match = text ? BIRTH_DATE.exec(text) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return null;
  const digits = `${match[1]}${match[2]}${match[3]}`;
  if (day === 0) return { year, month, day, digits, dayNumber: null };
  const time = Date.UTC(year, month - 1, day);
  if (new Date(time).getUTCDate() !== day) return null;
  return { year, month, day, digits, dayNumber: Math.round(time / DAY_MS) };
}
