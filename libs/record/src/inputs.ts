/** What a community worker submits. The API has validated formats and codes before these arrive. */
export interface DisabilityInput {
  type: string;
  grade: string;
  certificateNo?: string;
}

export interface CorrectionsInput {
  type: string;
  start: string;
  end: string;
}

export interface ResidentInput {
  idNumber?: string;
  name: string;
  gender: string;
  ethnicity: string;
  birthDate: string;
  registeredAddress?: string;
  phone?: string;
  maritalStatus?: string;
  education?: string;
  politicalStatus?: string;
  registrationType: 'registered' | 'floating' | 'overseas';
  livingStatus?: string;
  employmentStatus?: string;
  pensionStatus?: string;
  disability?: DisabilityInput;
  corrections?: CorrectionsInput;
}

export interface MemberInput extends ResidentInput {
  relation: string;
}

export interface AddressInput {
  estate: string;
  building: string;
  unit?: string;
  room: string;
  gridCode?: string;
}

export interface AssistanceInput {
  type: 'dibao' | 'dibao_edge' | 'tekun';
  amount: string;
  approvedOn: string;
}

export interface RegisterHouseholdInput {
  householdNo?: string;
  type: 'family' | 'collective';
  communityCode?: string;
  address: AddressInput;
  assistance?: AssistanceInput;
  members: MemberInput[];
  joinedOn?: string;
}

/** Fields a worker may change directly; life events and status tags have their own operations. */
export type ResidentPatch = Partial<
  Pick<
    ResidentInput,
    | 'name'
    | 'gender'
    | 'ethnicity'
    | 'birthDate'
    | 'idNumber'
    | 'registeredAddress'
    | 'phone'
    | 'maritalStatus'
    | 'education'
    | 'politicalStatus'
    | 'registrationType'
    | 'livingStatus'
    | 'employmentStatus'
    | 'pensionStatus'
  >
>;
