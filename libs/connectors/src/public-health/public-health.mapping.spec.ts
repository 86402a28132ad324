import { residentSnapshot } from '../testing/snapshots';
import patientFixture from './fixtures/ok/patient.json';
import { fromPatient, mergeIntoCurrent, toPatient } from './public-health.mapping';
import type { FhirPatient } from './public-health.types';

describe(toPatient.name, () => {
  it('sends exactly the listed fields, codes translated', () => {
    const sut = toPatient(residentSnapshot());
    expect(Object.keys(sut).sort()).toEqual(
      [
        'resourceType',
        'identifier',
        'name',
        'gender',
        'birthDate',
        'telecom',
        'address',
        'deceasedBoolean',
      ].sort(),
    );
    expect(sut).toEqual({
      resourceType: 'Patient',
      identifier: [{ system: 'urn:cn:resident-id', value: residentSnapshot().idNumber }],
      name: [{ text: '王建国' }],
      gender: 'male',
      birthDate: '1964-03-15',
      telecom: [{ system: 'phone', value: '13812345678' }],
      address: [{ text: '常州市天宁区青龙街道青龙苑3幢2单元501室', city: '常州市', district: '天宁区' }],
      deceasedBoolean: false,
    });
  });

  it.each([
    ['1', 'male'],
    ['2', 'female'],
    ['0', 'unknown'],
    ['9', 'unknown'],
  ])('translates gender %s to %s', (gender, fhir) => {
    expect(toPatient(residentSnapshot({ gender })).gender).toBe(fhir);
  });

  it('leaves out what the hub does not know instead of sending it empty', () => {
    const sut = toPatient(residentSnapshot({ idNumber: null, phone: null, currentAddress: null }));
    expect(Object.keys(sut).sort()).toEqual([
      'birthDate',
      'deceasedBoolean',
      'gender',
      'name',
      'resourceType',
    ]);
  });

  it('marks the dead', () => {
    expect(toPatient(residentSnapshot({ lifeStatus: 'deceased' })).deceasedBoolean).toBe(true);
  });

  it('never sends other record fields (minimisation)', () => {
    const json = JSON.stringify(toPatient(residentSnapshot({ education: '20', politicalStatus: '01' })));
    for (const absent of ['education', 'political', 'marital', 'ethnicity', 'household', 'gridCode']) {
      expect(json).not.toContain(absent);
    }
  });
});

describe(mergeIntoCurrent.name, () => {
  it('keeps what the department holds beyond our fields and drops its meta', () => {
    const current = patientFixture as FhirPatient;
    const ours = toPatient(residentSnapshot({ idNumber: null, phone: '13900000000' }));
    const sut = mergeIntoCurrent(current, ours, current.id!);
    expect(sut.id).toBe('32040200000012345');
    expect(sut.meta).toBeUndefined();
    expect(sut.identifier).toEqual(current.identifier);
    expect(sut.telecom).toEqual([{ system: 'phone', value: '13900000000' }]);
    expect(sut.name).toEqual([{ text: '王建国' }]);
  });
});

describe(fromPatient.name, () => {
  it('reads a Patient into unified-record names and codes', () => {
    expect(fromPatient(patientFixture as FhirPatient)).toEqual({
      externalId: '32040200000012345',
      idNumber: '320402196403151237',
      fields: { name: '王 建国', gender: '1', birthDate: '1964-03-15', phone: '13812345678' },
      changedAt: '2026-11-20T09:15:30.123+08:00',
    });
  });

  it('states a death and tolerates an archive without ID number', () => {
    const sut = fromPatient({ resourceType: 'Patient', id: '1', gender: 'unknown', deceasedBoolean: true });
    expect(sut.idNumber).toBeNull();
    expect(sut.fields).toEqual({ gender: '0', lifeStatus: 'deceased' });
  });
});
