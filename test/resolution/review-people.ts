import { makeCitizenId } from '@hub/domain';
import type { ParsedAddress, SourcePerson } from '@hub/matching';
import { ELSEWHERE, HOME, NEIGHBOUR } from '../support/api-app';

export function address(district: string, estate: string, building: string, unit: string, room: string) {
  const text = `常州市${district}${estate}${building}幢${unit}单元${room}室`;
  return { district, street: null, estate, building, unit, room, text } satisfies ParsedAddress;
}

type Fields = Partial<Omit<SourcePerson, 'system' | 'recordId' | 'attributes'>> & {
  attributes: Record<string, string>;
};

function record(system: string, recordId: string, fields: Fields): SourcePerson {
  const idNumber = fields.idNumber ?? null;
  return {
    system,
    recordId,
    idNumberRaw: idNumber,
    idNumber,
    idValid: idNumber !== null,
    name: null,
    gender: null,
    birthDate: null,
    phone: null,
    address: null,
    ...fields,
  };
}

const police = (community: string, extra: Record<string, string> = {}) => ({
  communityCode: community,
  ethnicity: '01',
  ...extra,
});
const grid = (community: string) => ({ communityCode: community, gridCode: `${community}003` });

const QINGLONG = address('天宁区', '青龙苑', '3', '2', '501');
const TWINS_HOME = address('天宁区', '青龙苑', '7', '1', '302');
const HONGMEI = address('天宁区', '红梅新村', '12', '1', '402');
const LANLING = address('钟楼区', '兰陵小区', '5', '3', '201');

const ZHANG_WEI = makeCitizenId('320402', '1985-03-07', 123);
const WANG_XIUYING = makeCitizenId('320402', '1948-11-20', 246);
const CHEN_JIANGUO = makeCitizenId('320402', '1962-04-15', 131);
const ZHOU_MIN = makeCitizenId('320402', '1992-10-05', 362);
const LIN_JING = makeCitizenId('320402', '1990-06-18', 368);
const ZHAO_LEI = makeCitizenId('320404', '1979-01-30', 155);

/**
 * Hand-made cases, each a situation reviewers meet. Public-health and family-planning copies
 * lack the ID number and swap day and month (quirks departments.md names), so the model cannot
 * decide them alone; the police and grid copies carry the number and link by it.
 */
export const people = {
  // 张伟 at the police and the grid (same ID: one golden record), 张玮 at the clinic (no ID).
  zhangPolice: record('police-population', 'R32040200000101', {
    idNumber: ZHANG_WEI,
    name: '张伟',
    gender: '1',
    birthDate: '1985-03-07',
    phone: '13912345678',
    address: QINGLONG,
    attributes: police(HOME, { householdNo: '320402101' }),
  }),
  zhangGrid: record('grid-governance', 'P000101', {
    idNumber: ZHANG_WEI,
    name: '张伟',
    gender: '1',
    birthDate: '1985-03-07',
    phone: '13912345678',
    address: QINGLONG,
    attributes: grid(HOME),
  }),
  zhangHealth: record('public-health', '32040200000000101', {
    name: '张玮',
    gender: '1',
    birthDate: '1985-07-03',
    attributes: { communityCode: HOME },
  }),
  // Twins: same surname, birthday, flat and phone; their own names and valid ID numbers.
  twinXin: record('police-population', 'R32040200000102', {
    idNumber: makeCitizenId('320402', '2012-09-09', 222),
    name: '刘欣',
    gender: '2',
    birthDate: '2012-09-09',
    phone: '13812340001',
    address: TWINS_HOME,
    attributes: police(HOME),
  }),
  twinYi: record('police-population', 'R32040200000103', {
    idNumber: makeCitizenId('320402', '2012-09-09', 224),
    name: '刘怡',
    gender: '2',
    birthDate: '2012-09-09',
    phone: '13812340001',
    address: TWINS_HOME,
    attributes: police(HOME),
  }),
  // A clear duplicate: the same person, the same number, at the police and the elderly office.
  wangPolice: record('police-population', 'R32040200000104', {
    idNumber: WANG_XIUYING,
    name: '王秀英',
    gender: '2',
    birthDate: '1948-11-20',
    phone: '13605190022',
    address: QINGLONG,
    attributes: police(HOME),
  }),
  wangAging: record('aging-services', 'E000104', {
    idNumber: WANG_XIUYING,
    name: '王秀英',
    gender: '2',
    birthDate: '1948-11-20',
    phone: '13605190022',
    address: QINGLONG,
    attributes: { communityCode: HOME, livingStatus: 'alone' },
  }),
  // 陈建国: the pension office holds him without ID number and with an old phone.
  chenPolice: record('police-population', 'R32040200000105', {
    idNumber: CHEN_JIANGUO,
    name: '陈建国',
    gender: '1',
    birthDate: '1962-04-15',
    phone: '13951230045',
    address: HONGMEI,
    attributes: police(HOME),
  }),
  chenPension: record('social-insurance', '3204020000105', {
    name: '陈建国',
    gender: '1',
    birthDate: '1962-04-15',
    phone: '13951230099',
    attributes: { communityCode: HOME, pensionStatus: '1' },
  }),
  // 周敏 at the police and the grid; family planning without number, day and month swapped.
  zhouPolice: record('police-population', 'R32040200000106', {
    idNumber: ZHOU_MIN,
    name: '周敏',
    gender: '2',
    birthDate: '1992-10-05',
    phone: '15251960088',
    address: HONGMEI,
    attributes: police(HOME),
  }),
  zhouGrid: record('grid-governance', 'P000106', {
    idNumber: ZHOU_MIN,
    name: '周敏',
    gender: '2',
    birthDate: '1992-10-05',
    phone: '15251960088',
    address: HONGMEI,
    attributes: grid(HOME),
  }),
  zhouFamilyPlanning: record('family-planning', 'RK000106', {
    name: '周敏',
    gender: '2',
    birthDate: '1992-05-10',
    attributes: { communityCode: HOME, maritalStatus: '20' },
  }),
  // The neighbouring community's own undecided pair: 林静 / 林晶.
  linPolice: record('police-population', 'R32040200000201', {
    idNumber: LIN_JING,
    name: '林静',
    gender: '2',
    birthDate: '1990-06-18',
    phone: '15861200033',
    address: HONGMEI,
    attributes: police(NEIGHBOUR),
  }),
  linHealth: record('public-health', '32040200000000201', {
    name: '林晶',
    gender: '2',
    birthDate: '1990-06-18',
    attributes: { communityCode: NEIGHBOUR },
  }),
  // Another street's clear duplicate.
  zhaoPolice: record('police-population', 'R32040400000301', {
    idNumber: ZHAO_LEI,
    name: '赵磊',
    gender: '1',
    birthDate: '1979-01-30',
    phone: '18906120077',
    address: LANLING,
    attributes: police(ELSEWHERE),
  }),
  zhaoEmployment: record('employment', 'J000301', {
    name: '赵磊',
    gender: '1',
    birthDate: '1979-01-30',
    address: LANLING,
    attributes: { communityCode: ELSEWHERE, employmentStatus: '1' },
  }),
} satisfies Record<string, SourcePerson>;

export type Someone = keyof typeof people;
