/**
 * Citizen ID numbers (GB 11643): unique per person, the region of first registration, the birth
 * date and a sequence whose parity states the gender. Also the ways departments hold them wrong.
 */
import { makeCitizenId } from '@hub/domain';
import { dayNumber } from './calendar';
import type { Gender } from './model';
import { hashString, type Random } from './random';

/** Where people born elsewhere come from, with the 户籍 address prefix of their home county. */
export const HOME_REGIONS: ReadonlyArray<readonly [string, string]> = [
  ...[
    ['340102', '安徽省合肥市瑶海区'],
    ['341222', '安徽省阜阳市太和县'],
    ['341221', '安徽省阜阳市临泉县'],
  ],
  ...[
    ['342221', '安徽省宿州市砀山县'],
    ['341523', '安徽省六安市舒城县'],
    ['340822', '安徽省安庆市怀宁县'],
  ],
  ...[
    ['412726', '河南省周口市郸城县'],
    ['411422', '河南省商丘市睢县'],
    ['411527', '河南省信阳市淮滨县'],
  ],
  ...[
    ['510522', '四川省泸州市合江县'],
    ['511621', '四川省广安市岳池县'],
    ['511725', '四川省达州市渠县'],
  ],
  ...[
    ['522422', '贵州省毕节市大方县'],
    ['532128', '云南省昭通市镇雄县'],
    ['320721', '江苏省连云港市赣榆区'],
  ],
  ...[
    ['321323', '江苏省宿迁市泗阳县'],
    ['320826', '江苏省淮安市涟水县'],
    ['321324', '江苏省宿迁市泗洪县'],
  ],
  ...[
    ['320382', '江苏省徐州市邳州市'],
    ['321281', '江苏省泰州市兴化市'],
    ['320981', '江苏省盐城市东台市'],
  ],
  ...[
    ['362421', '江西省吉安市吉安县'],
    ['360731', '江西省赣州市于都县'],
    ['430524', '湖南省邵阳市隆回县'],
  ],
  ...[
    ['372925', '山东省菏泽市单县'],
    ['370829', '山东省济宁市嘉祥县'],
    ['420984', '湖北省孝感市汉川市'],
  ],
  ...[
    ['500235', '重庆市云阳县'],
    ['130626', '河北省保定市定兴县'],
    ['230183', '黑龙江省哈尔滨市尚志市'],
  ],
] as const;

/** Home counties of the minorities that mostly come from one region. */
export const MINORITY_REGIONS: Readonly<Record<string, readonly [string, string]>> = {
  '05': ['653101', '新疆维吾尔自治区喀什地区喀什市'],
  '17': ['654002', '新疆维吾尔自治区伊犁哈萨克自治州伊宁市'],
  '06': ['522601', '贵州省黔东南苗族侗族自治州凯里市'],
  '15': ['433130', '湖南省湘西土家族苗族自治州龙山县'],
  '08': ['450881', '广西壮族自治区贵港市桂平市'],
  '09': ['522702', '贵州省黔南布依族苗族自治州福泉市'],
  '07': ['513431', '四川省凉山彝族自治州昭觉县'],
};

/**
 * The county code a local person's number carries: 金坛 and 武进 were county-level cities
 * (320482, 320483) before they became districts, and numbers keep the code of first registration.
 */
export function localRegionCode(districtCode: string, birthDate: string): string {
  if (districtCode === '320413' && birthDate < '2015-05-01') return '320482';
  if (districtCode === '320412' && birthDate < '2002-04-01') return '320483';
  return districtCode;
}

/**
 * Hands out numbers that are unique in the city: one counter per region, birth day and gender
 * (a few hundred thousand small integers at 1M people), starting from a scattered sequence.
 */
export class CitizenIdAllocator {
  private readonly regions = new Map<string, number>();
  private readonly issued = new Map<number, number>();

  next(regionCode: string, birthDate: string, gender: Gender): string {
    let region = this.regions.get(regionCode);
    if (region === undefined) this.regions.set(regionCode, (region = this.regions.size));
    const key = (region * 80_000 + dayNumber(birthDate) + 30_000) * 2 + (gender === '1' ? 1 : 0);
    const n = this.issued.get(key) ?? 0;
    if (n >= 499) throw new RangeError(`no sequence left for ${regionCode} ${birthDate}`);
    this.issued.set(key, n + 1);
    const index = ((hashString(String(key)) + n) % 499) + 1;
    return makeCitizenId(regionCode, birthDate, gender === '1' ? index * 2 - 1 : index * 2);
  }
}

/** The 15-digit number issued before 1999: no century, no check character. */
export const legacyIdOf = (id18: string): string => id18.slice(0, 6) + id18.slice(8, 17);

const FULL_WIDTH_OFFSET = 0xfee0;

/** As typed with the input method in full-width mode: `３２０４０２…Ｘ`. */
export const fullWidthId = (id: string): string =>
  id.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + FULL_WIDTH_OFFSET));

/**
 * One digit of the sequence part mistyped. Every weight of the check sum is non-zero modulo 11,
 * so the result never passes the check: a typo can never become another person's valid number.
 */
export function mistypedId(id: string, rng: Random): string {
  const position = rng.int(14, 16);
  const digit = (Number(id[position]) + rng.int(1, 9)) % 10;
  return id.slice(0, position) + String(digit) + id.slice(position + 1);
}
