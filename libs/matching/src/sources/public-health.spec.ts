import { toSourcePersons as sut } from './public-health';

const patient = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'Patient',
  id: '32040200200100017',
  meta: { versionId: '4', lastUpdated: '2025-09-01T02:10:00.000Z' },
  identifier: [{ system: 'urn:cn:resident-id', value: '32040219900201022x' }],
  name: [{ text: '李 秀英' }],
  gender: 'female',
  birthDate: '1990-02-01',
  telecom: [{ system: 'phone', value: '13812345678' }],
  address: [{ text: '常州市天宁区青龙街道青龙苑3幢2单元501室', city: '常州市', district: '天宁区' }],
  deceasedBoolean: false,
  ...overrides,
});

describe('public-health toSourcePersons', () => {
  it('reads a Patient: the resident-ID identifier, a name with a space, one phone, one address', () => {
    expect(sut(patient())).toEqual([
      {
        system: 'public-health',
        recordId: '32040200200100017',
        idNumberRaw: '32040219900201022x',
        idNumber: '32040219900201022X',
        idValid: true,
        name: '李秀英',
        gender: '2',
        birthDate: '1990-02-01',
        phone: '13812345678',
        address: {
          district: '天宁区',
          street: '青龙街道',
          estate: '青龙苑',
          building: '3',
          unit: '2',
          room: '501',
          text: '常州市天宁区青龙街道青龙苑3幢2单元501室',
        },
        attributes: { lifeStatus: 'alive', status: 'active' },
      },
    ]);
  });

  it('reads an archive opened without an ID number', () => {
    const [person] = sut(patient({ identifier: undefined }));

    expect(person).toMatchObject({ idNumberRaw: null, idNumber: null, idValid: false, name: '李秀英' });
  });

  it('takes only the resident-ID identifier and the phone among the telecoms', () => {
    const [person] = sut(
      patient({
        identifier: [
          { system: 'urn:cn:medical-card', value: 'MC0001' },
          { system: 'urn:cn:resident-id', value: '320402194001010012' },
        ],
        telecom: [
          { system: 'email', value: 'a@b.cn' },
          { system: 'phone', value: '0519-86881234' },
        ],
      }),
    );

    expect(person).toMatchObject({ idNumber: '320402194001010012', phone: '051986881234' });
  });

  it('keeps a day-month swapped birth date as the archive states it', () => {
    const [person] = sut(patient({ birthDate: '1990-01-02' }));

    expect(person.birthDate).toBe('1990-01-02');
  });

  it('reads a deceased patient and one with no address', () => {
    const [person] = sut(patient({ deceasedBoolean: true, address: undefined, telecom: undefined }));

    expect(person).toMatchObject({ address: null, phone: null });
    expect(person.attributes).toEqual({ lifeStatus: 'deceased', status: 'ended' });
  });

  it('takes the district from the structured address when the text leaves it out', () => {
    const [person] = sut(
      patient({ address: [{ text: '青龙苑3-2-501', city: '常州市', district: '天宁区' }] }),
    );

    expect(person.address).toMatchObject({
      district: '天宁区',
      estate: '青龙苑',
      building: '3',
      room: '501',
    });
  });

  it('reads the FHIR gender unknown as null', () => {
    expect(sut(patient({ gender: 'unknown' }))[0].gender).toBeNull();
  });
});
