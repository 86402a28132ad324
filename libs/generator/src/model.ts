/**
 * The synthetic city's ground truth: people as they really are. System writers derive each
 * department's (noisy, partial) view of them.
 */

export type Gender = '1' | '2';
export type RegistrationType = 'registered' | 'floating' | 'overseas';
export type LifeStatus = 'alive' | 'dead' | 'moved';
/** Hub pension codes (PENSION_STATUS): `employee` is the employee scheme, the rest the residents' one. */
export type PensionStatus = 'employee' | 'paying' | 'suspended' | 'receiving' | 'none';
export type AssistanceType = 'dibao' | 'dibao_edge' | 'tekun';

export interface Community {
  code: string;
  name: string;
  kind: 'neighbourhood' | 'village';
  streetName: string;
  districtCode: string;
  districtName: string;
  /** Estate names (neighbourhoods) or village names (villages). */
  estates: string[];
}

/** One dwelling: `丽华新村3幢2单元501室`, or in a village `朱家村3组15号`. */
export interface Address {
  community: Community;
  estate: string;
  /** Building (幢) in an estate, group (组) in a village. */
  building: number;
  /** Unit (单元); null in a village. */
  unit: number | null;
  /** Room `501` in an estate, house number in a village. */
  room: number;
}

export interface Disability {
  type: string;
  grade: string;
  /** The certificate replaced when the person was re-graded; the old one is revoked. */
  previousGrade: string | null;
}

export interface Corrections {
  type: '1' | '2' | '3' | '4';
  start: string;
  end: string;
}

export interface Person {
  /** Stable key of the true person in truth.jsonl and people.jsonl (`P0000001`). */
  key: string;
  household: Household;
  /** GB/T 4761 relation to the head. */
  relation: string;
  name: string;
  surname: string;
  /** Names like 阿依古丽·买买提. */
  dotted: boolean;
  gender: Gender;
  birthDate: string;
  ethnicity: string;
  /** Null for babies not registered yet and for foreigners. */
  idNumber: string | null;
  registration: RegistrationType;
  status: LifeStatus;
  deathDate: string | null;
  /** Own mobile. */
  mobile: string | null;
  /** What a form asks for: own mobile, else a parent's or the family's landline. */
  contactPhone: string | null;
  /** The address 户籍 records (floating people: their home town). */
  registeredAddress: string;
  education: string | null;
  political: string;
  marital: string;
  /** Hub EMPLOYMENT_STATUS code; null for children and people outside the labour statistics. */
  employment: string | null;
  pension: PensionStatus;
  disability: Disability | null;
  corrections: Corrections | null;
  veteran: boolean;
  spouse: Person | null;
  mother: Person | null;
  father: Person | null;
}

export type HouseholdKind =
  | 'nuclear'
  | 'young-couple'
  | 'empty-nest'
  | 'middle-couple'
  | 'three-generation'
  | 'skip-generation'
  | 'single-elder'
  | 'single-adult'
  | 'single-parent'
  | 'floating-family'
  | 'floating-single'
  | 'collective'
  | 'overseas';

export interface Assistance {
  type: AssistanceType;
  monthlyAmount: number;
  approvedOn: string;
  status: 'active' | 'ended';
}

export interface Household {
  /** Order of generation, from 0. */
  serial: number;
  kind: HouseholdKind;
  /** 户号, 9 digits; empty for floating and overseas households (registered elsewhere). */
  number: string;
  address: Address;
  gridCode: string;
  members: Person[];
  landline: string | null;
  assistance: Assistance | null;
}
