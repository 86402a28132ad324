/**
 * The state of a subject as connectors see it: everything any department may need, read from the
 * unified record at delivery time (send state, not deltas). Connectors map it to their system's
 * fields and send only those their system lists.
 */
export interface AddressSnapshot {
  communityCode: string;
  communityName: string;
  streetName: string;
  districtCode: string;
  districtName: string;
  gridCode: string | null;
  estate: string;
  building: string;
  unit: string;
  room: string;
  /** e.g. `青龙苑3幢2单元501室`. */
  text: string;
  /** With city, district and street: `常州市天宁区青龙街道青龙苑3幢2单元501室`. */
  fullText: string;
}

export interface HouseholdLink {
  householdId: string;
  householdNo: string | null;
  relation: string;
  headResidentId: string | null;
  assistanceType: 'dibao' | 'dibao_edge' | 'tekun' | null;
}

export interface ResidentSnapshot {
  type: 'resident';
  id: string;
  version: number;
  idNumber: string | null;
  name: string;
  gender: string;
  ethnicity: string;
  birthDate: string;
  registeredAddress: string | null;
  currentAddress: AddressSnapshot | null;
  communityCode: string;
  phone: string | null;
  maritalStatus: string | null;
  education: string | null;
  politicalStatus: string | null;
  registrationType: 'registered' | 'floating' | 'overseas';
  lifeStatus: 'alive' | 'deceased';
  deathDate: string | null;
  residenceStatus: 'present' | 'moved_out';
  movedOutOn: string | null;
  disability: { type: string; grade: string; certificateNo: string | null } | null;
  livingStatus: string | null;
  employmentStatus: string | null;
  pensionStatus: string | null;
  corrections: { type: string; start: string; end: string } | null;
  household: HouseholdLink | null;
  /** The spouse's ID number, when the spouse is a member of the same household. */
  spouseIdNumber: string | null;
  /** Children (relation 子/女 codes 20-39) in the same household. */
  childrenCount: number;
}

export interface HouseholdMemberSnapshot {
  residentId: string;
  relation: string;
  name: string;
  idNumber: string | null;
  gender: string;
  birthDate: string;
}

export interface HouseholdSnapshot {
  type: 'household';
  id: string;
  version: number;
  householdNo: string | null;
  householdType: 'family' | 'collective';
  status: 'active' | 'dissolved';
  communityCode: string;
  address: AddressSnapshot;
  headResidentId: string | null;
  assistance: { type: 'dibao' | 'dibao_edge' | 'tekun'; amount: string; approvedOn: string } | null;
  /** Current members, head first. */
  members: HouseholdMemberSnapshot[];
}

export type SubjectSnapshot = ResidentSnapshot | HouseholdSnapshot;

/** Whether a resident is still a living, present member of the city (departments end the others). */
export const isActiveResident = (r: ResidentSnapshot): boolean =>
  r.lifeStatus === 'alive' && r.residenceStatus === 'present';
