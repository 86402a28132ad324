/**
 * Addresses as the departments write them, split into the parts the hub's address table has
 * (estate, building, unit, room — see `addressText` in @hub/record) plus district and street.
 * `3幢2单元501室`, `3-2-501`, `3栋2单元501` and `三幢二单元五〇一室` give the same parts, so
 * matching can compare flats rather than spellings.
 */
import type { ParsedAddress } from '../source-person';
import { splitPlaces } from './address-places';
import { CHINESE_NUMERAL, chineseNumeralValue } from './chinese-numerals';

const BUILDING_MARK = '(?:幢|栋|号楼|座|#)';
const ROOM_MARK = '(?:室|号|户)?';

/** Building, unit and room at the end of the text, most specific form first. */
const FLAT_FORMS: ReadonlyArray<RegExp> = [
  // 3幢2单元501室, 3号楼2单元501, 3#2单元501, and 3号2单元501 (号 only counts before a unit).
  new RegExp(`^(.*?)(\\d+)(?:${BUILDING_MARK}|号)-?(\\d+)单元-?(\\d+)${ROOM_MARK}$`),
  // 3-2-501
  /^(.*?)(\d+)-(\d+)-(\d+)(?:室|号)?$/,
  // 8幢102室, 3#501
  new RegExp(`^(.*?)(\\d+)${BUILDING_MARK}-?()(\\d+)${ROOM_MARK}$`),
  // 3幢2单元 (no room), 3幢
  new RegExp(`^(.*?)(\\d+)${BUILDING_MARK}(?:(\\d+)单元)?()$`),
  // 8-102: a two-part number is building and room only when the room looks like one.
  /^(.*?\D)(\d+)-()(\d{3,4})(?:室|号)?$/,
  // 人民路18号501室: a room in a building that has no number of its own.
  /^(.*?)()()(\d+)室$/,
];

/** Estates by their usual endings, for an address that names no building (`新华村12号`). */
const ESTATE_WITH_HOUSE = /^(.+?(?:新村|小区|花园|公寓|苑|村))(\d+)号?$/;
/** `龙锦路18号青龙苑`: when an estate follows the road number, the estate is the name to compare. */
const ROAD_BEFORE_ESTATE = /^\p{Script=Han}+?(?:路|街|巷|道)\d+(?:-\d+)?号(\p{Script=Han}{2,})$/u;

const NUMERALS_BEFORE_MARKS = new RegExp(`(${CHINESE_NUMERAL}+)(?=幢|栋|号楼|座|单元|室)`, 'g');

export function parseAddress(raw: unknown): ParsedAddress | null {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return null;
  const { district, street, rest } = splitPlaces(compact(text));
  const flat = flatOf(rest);
  return { district, street, ...flat, text };
}

/** Half-width, no spaces or trailing punctuation, one kind of hyphen, Chinese numerals as digits. */
function compact(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[\u2010-\u2015\u2212~～]/g, '-')
    .replace(/[,.;，。；、]+$/, '')
    .replace(NUMERALS_BEFORE_MARKS, (numerals: string) => String(chineseNumeralValue(numerals) ?? numerals));
}

type Flat = Pick<ParsedAddress, 'estate' | 'building' | 'unit' | 'room'>;

function flatOf(rest: string): Flat {
  for (const form of FLAT_FORMS) {
    const match = form.exec(rest);
    if (match) {
      const [, estate, building, unit, room] = match;
      return {
        estate: estateName(estate),
        building: number(building),
        unit: number(unit),
        room: number(room),
      };
    }
  }
  const house = ESTATE_WITH_HOUSE.exec(rest);
  if (house) return { estate: house[1], building: number(house[2]), unit: null, room: null };
  return { estate: estateName(rest), building: null, unit: null, room: null };
}

function estateName(text: string): string | null {
  const trimmed = text.replace(/[-,，、]+$/, '');
  const estate = ROAD_BEFORE_ESTATE.exec(trimmed)?.[1] ?? trimmed;
  return estate === '' ? null : estate;
}

/** Bare digits: `05` and `5` are the same unit. */
const number = (digits: string): string | null => (digits ? digits.replace(/^0+(?=\d)/, '') : null);
