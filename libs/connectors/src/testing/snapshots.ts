import { makeCitizenId, type HouseholdSnapshot, type ResidentSnapshot } from '@hub/domain';

/** Test data for connector specs: a resident or household snapshot with sensible defaults. */
export function residentSnapshot(overrides: Partial<ResidentSnapshot> = {}): ResidentSnapshot {
  const birthDate = overrides.birthDate ?? '1964-03-15';
  const gender = overrides.gender ?? '1';
  return {
    type: 'resident',
    id: '6f1c1a52-2b5e-4f51-9d7a-0c3a0d5e9a01',
    version: 1,
    idNumber: makeCitizenId('320402', birthDate, gender === '1' ? 13 : 14),
    name: '王建国',
    gender,
    ethnicity: '01',
    birthDate,
    registeredAddress: '江苏省常州市天宁区青龙街道青龙苑3幢2单元501室',
    currentAddress: {
      communityCode: '320402002001',
      communityName: '青龙苑社区',
      streetName: '青龙街道',
      districtCode: '320402',
      districtName: '天宁区',
      gridCode: '320402002001001',
      estate: '青龙苑',
      building: '3',
      unit: '2',
      room: '501',
      text: '青龙苑3幢2单元501室',
      fullText: '常州市天宁区青龙街道青龙苑3幢2单元501室',
    },
    communityCode: '320402002001',
    phone: '13812345678',
    maritalStatus: '20',
    education: '60',
    politicalStatus: '13',
    registrationType: 'registered',
    lifeStatus: 'alive',
    deathDate: null,
    residenceStatus: 'present',
    movedOutOn: null,
    disability: null,
    livingStatus: null,
    employmentStatus: null,
    pensionStatus: null,
    corrections: null,
    household: {
      householdId: '0b7d2a10-8e44-4d9b-a0a4-2c6f1c3e5b02',
      householdNo: '320402123',
      relation: '02',
      headResidentId: '6f1c1a52-2b5e-4f51-9d7a-0c3a0d5e9a01',
      assistanceType: null,
    },
    spouseIdNumber: null,
    childrenCount: 0,
    ...overrides,
  };
}

export function householdSnapshot(overrides: Partial<HouseholdSnapshot> = {}): HouseholdSnapshot {
  const head = residentSnapshot();
  return {
    type: 'household',
    id: '0b7d2a10-8e44-4d9b-a0a4-2c6f1c3e5b02',
    version: 1,
    householdNo: '320402123',
    householdType: 'family',
    status: 'active',
    communityCode: head.communityCode,
    address: head.currentAddress!,
    headResidentId: head.id,
    assistance: { type: 'dibao', amount: '1200.00', approvedOn: '2025-06-01' },
    members: [
      {
        residentId: head.id,
        relation: '02',
        name: head.name,
        idNumber: head.idNumber,
        gender: '1',
        birthDate: head.birthDate,
      },
      {
        residentId: '1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e05',
        relation: '10',
        name: '李秀英',
        idNumber: makeCitizenId('320402', '1991-07-02', 22),
        gender: '2',
        birthDate: '1991-07-02',
      },
    ],
    ...overrides,
  };
}
