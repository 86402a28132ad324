/**
 * The administrative part of an address: province, city, district (区/县/county-level 市) and
 * street (街道) or town (镇/乡). The 常州 districts come from `@hub/domain`'s GB/T 2260 table,
 * so parsed names are the city's real ones; other places are only read when the text says which
 * province or city it is in (a floating resident's registered address elsewhere).
 */
import { DISTRICTS } from '@hub/domain';

export interface Places {
  district: string | null;
  street: string | null;
  /** The text after them: estate, building, unit, room. */
  rest: string;
}

const PROVINCES =
  '北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|' +
  '广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|台湾|香港|澳门';
const PROVINCE = new RegExp(
  `^(?:中国)?(?:(?:${PROVINCES})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)|江苏(?=常州))`,
);
const CITY_DISTRICTS = Object.values(DISTRICTS);
const CHANGZHOU = new RegExp(`^常州(?:市|(?=${CITY_DISTRICTS.map((d) => d.slice(0, 2)).join('|')}))`);
const CHANGZHOU_DISTRICT = new RegExp(`^(${CITY_DISTRICTS.join('|')})`);
/** Any prefecture-level city, when the address is outside 常州. */
const OTHER_CITY = /^(?:(?![区县])\p{Script=Han}){2,6}?(?:市|自治州|地区|盟)/u;
/** A district or county elsewhere; 小区 and 社区 are places inside a street, not districts. */
const OTHER_DISTRICT = /^\p{Script=Han}{1,6}?(?<![小社园校景])(?:区|县|旗|市)/u;
/**
 * `南大街街道`: the shortest run ending in 街道 keeps a street named …街 whole. Towns are 镇
 * (常州 has no 乡; reading 乡 would take `江南水乡花园` for a township).
 */
const STREET = /^\p{Script=Han}{2,6}?街道(?:办事处)?|^\p{Script=Han}{2,4}?镇/u;
/**
 * The 社区/居委会/村委会 some write between street and estate names an office, not a place in
 * the address; it is dropped unless nothing but numbers follows (then it is all the estate we have).
 */
const COMMUNITY = /^\p{Script=Han}{2,8}?(?:社区|居委会|村委会)(?:居委会)?(?=\p{Script=Han})/u;

export function splitPlaces(address: string): Places {
  let rest = address;
  const take = (pattern: RegExp): string | null => {
    const match = pattern.exec(rest);
    if (!match) return null;
    rest = rest.slice(match[0].length);
    return match[1] ?? match[0];
  };

  const province = take(PROVINCE);
  const inChangzhou = take(CHANGZHOU) !== null;
  let district = take(CHANGZHOU_DISTRICT);
  if (district === null && !inChangzhou) district = otherDistrict();
  const street = take(STREET)?.replace(/办事处$/, '') ?? null;
  take(COMMUNITY);
  return { district, street, rest };

  /**
   * Outside 常州: after a province anything city-like is a city (`北京市` is both); without one,
   * a city only counts when a district follows it, or `合肥…` could be an estate.
   */
  function otherDistrict(): string | null {
    const city = OTHER_CITY.exec(rest);
    const afterCity = city ? rest.slice(city[0].length) : rest;
    if (city && (province !== null || OTHER_DISTRICT.test(afterCity))) rest = afterCity;
    else if (province === null) return null;
    return take(OTHER_DISTRICT);
  }
}
