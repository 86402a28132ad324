/**
 * Names and ethnicity for a planned household: the family surname passes from father to child,
 * Uyghur and Kazakh children carry their father's given name after the dot, foreigners carry
 * transliterated names.
 */
import type { RegistrationType } from '../model';
import type { Random } from '../random';
import { hanName, type NameOptions } from '../names/han-names';
import {
  FLOATING_ETHNICITIES,
  REGISTERED_ETHNICITIES,
  dottedGivenName,
  dottedName,
  hasDottedNames,
} from '../names/minority-names';
import type { MemberPlan } from './household-plan';

export interface GivenIdentity {
  name: string;
  surname: string;
  given: string;
  dotted: boolean;
  ethnicity: string;
}

const FOREIGN_NAMES = [
  ...['金敏俊', '朴智恩', '李承宪', '山田太郎', '佐藤美咲', '阮文雄', '陈氏兰'],
  ...['约翰·史密斯', '安娜·伊万诺娃', '大卫·布朗', '玛丽亚·加西亚', '托马斯·穆勒'],
];

/** One ethnicity per family; a spouse now and then is Han, and the children follow the father. */
function ethnicities(members: MemberPlan[], registration: RegistrationType, rng: Random): string[] {
  const family = rng.weighted(registration === 'registered' ? REGISTERED_ETHNICITIES : FLOATING_ETHNICITIES);
  const own: string[] = members.map((m) =>
    m.father === undefined && m.mother === undefined && m.spouse !== undefined && rng.chance(0.2)
      ? '01'
      : family,
  );
  return members.map((m, i) => {
    if (m.father !== undefined) return own[m.father];
    if (m.mother !== undefined) return own[m.mother];
    return own[i];
  });
}

export function nameHousehold(
  members: MemberPlan[],
  birthDates: string[],
  registration: RegistrationType,
  rng: Random,
  options: NameOptions,
): GivenIdentity[] {
  if (registration === 'overseas') {
    return members.map(() => {
      const name = rng.pick(FOREIGN_NAMES);
      return { name, surname: '', given: name, dotted: name.includes('·'), ethnicity: '97' };
    });
  }
  const eth = ethnicities(members, registration, rng);
  const result: Array<GivenIdentity | undefined> = members.map(() => undefined);
  // Parents before children: a member waits until the one it takes its surname from is named.
  for (let pass = 0; pass < 4 && result.includes(undefined); pass++) {
    members.forEach((m, i) => {
      if (result[i]) return;
      const from = m.father ?? m.surnameFrom;
      if (from !== undefined && !result[from]) return;
      result[i] = identityOf(
        m,
        eth[i],
        from === undefined ? undefined : result[from],
        birthDates[i],
        rng,
        options,
      );
    });
  }
  return result.map((r, i) => r ?? identityOf(members[i], eth[i], undefined, birthDates[i], rng, options));
}

function identityOf(
  m: MemberPlan,
  ethnicity: string,
  parent: GivenIdentity | undefined,
  birthDate: string,
  rng: Random,
  options: NameOptions,
): GivenIdentity {
  if (hasDottedNames(ethnicity)) {
    const given = dottedGivenName(ethnicity, m.gender, rng);
    const fatherGiven = parent?.dotted ? parent.given : dottedGivenName(ethnicity, '1', rng);
    return { name: dottedName(given, fatherGiven), surname: '', given, dotted: true, ethnicity };
  }
  const inherited = parent && !parent.dotted && parent.surname ? parent.surname : null;
  const { surname, given } = hanName(inherited, birthDate, m.gender, rng, options);
  return { name: surname + given, surname, given, dotted: false, ethnicity };
}
