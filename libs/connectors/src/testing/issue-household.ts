import { makeCitizenId, type HouseholdSnapshot, type ResidentSnapshot } from '@hub/domain';
import { householdSnapshot, residentSnapshot } from './snapshots';

/**
 * The household from the issue, on 2025-09-01: a 62-year-old head with a grade-2 physical
 * disability, on 低保; his 35-year-old wife; their 19-year-old son and 3-year-old daughter.
 * Each connector's relevance table says which of them its system covers.
 */
export const ISSUE_DAY = new Date('2025-09-01T10:00:00+08:00');

const householdId = '0b7d2a10-8e44-4d9b-a0a4-2c6f1c3e5b02';
const link = (relation: string): ResidentSnapshot['household'] => ({
  householdId,
  householdNo: '320402123',
  relation,
  headResidentId: 'a0000000-0000-4000-8000-000000000001',
  assistanceType: 'dibao',
});

export const issueHead = residentSnapshot({
  id: 'a0000000-0000-4000-8000-000000000001',
  name: '王建国',
  birthDate: '1963-05-10',
  gender: '1',
  idNumber: makeCitizenId('320402', '1963-05-10', 13),
  disability: { type: '4', grade: '2', certificateNo: null },
  livingStatus: 'with_spouse',
  household: link('02'),
});

export const issueSpouse = residentSnapshot({
  id: 'a0000000-0000-4000-8000-000000000002',
  name: '李秀英',
  birthDate: '1990-02-01',
  gender: '2',
  idNumber: makeCitizenId('320402', '1990-02-01', 22),
  maritalStatus: '20',
  household: link('10'),
});

export const issueSon = residentSnapshot({
  id: 'a0000000-0000-4000-8000-000000000003',
  name: '王小明',
  birthDate: '2006-03-01',
  gender: '1',
  idNumber: makeCitizenId('320402', '2006-03-01', 31),
  maritalStatus: '10',
  household: link('20'),
});

export const issueDaughter = residentSnapshot({
  id: 'a0000000-0000-4000-8000-000000000004',
  name: '王小丽',
  birthDate: '2022-01-15',
  gender: '2',
  idNumber: null,
  maritalStatus: null,
  household: link('30'),
});

const member = (r: ResidentSnapshot) => ({
  residentId: r.id,
  relation: r.household!.relation,
  name: r.name,
  idNumber: r.idNumber,
  gender: r.gender,
  birthDate: r.birthDate,
});

export const issueHousehold: HouseholdSnapshot = householdSnapshot({
  id: householdId,
  headResidentId: issueHead.id,
  assistance: { type: 'dibao', amount: '1260.50', approvedOn: '2025-06-01' },
  members: [issueHead, issueSpouse, issueSon, issueDaughter].map(member),
});

export const issueResidents = {
  head: issueHead,
  spouse: issueSpouse,
  son: issueSon,
  daughter: issueDaughter,
};
