import { toSourcePersons as sut } from './disability';

const certificate = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  cardNo: '32040219630510013042',
  name: '王建国',
  idNumber: '320402196305100130',
  gender: '1',
  birthDate: '19630510',
  disabilityType: '4',
  disabilityGrade: '2',
  guardianName: '李秀英',
  guardianPhone: '13912345678',
  phone: '13812345678',
  address: '常州市天宁区青龙街道青龙苑3幢2单元501室',
  status: 'valid',
  ...overrides,
});

describe('disability toSourcePersons', () => {
  it('reads a valid certificate', () => {
    const [person] = sut(certificate());

    expect(person).toMatchObject({
      system: 'disability',
      recordId: '32040219630510013042',
      idNumber: '320402196305100130',
      idValid: true,
      name: '王建国',
      gender: '1',
      birthDate: '1963-05-10',
      phone: '13812345678',
    });
    expect(person.attributes).toEqual({
      disabilityType: '4',
      disabilityGrade: '2',
      disabilityCertificateNo: '32040219630510013042',
      lifeStatus: 'alive',
      status: 'active',
    });
  });

  it('never takes the guardian’s phone for the person’s', () => {
    expect(sut(certificate({ phone: null }))[0].phone).toBeNull();
  });

  it('reads a revoked certificate of a re-graded person as ended', () => {
    const [person] = sut(
      certificate({ cardNo: '32040219630510013043', disabilityGrade: '3', status: 'revoked' }),
    );

    expect(person.attributes).toMatchObject({ disabilityGrade: '3', status: 'ended', lifeStatus: null });
  });

  it('takes the ID number from the certificate number when the record lacks one', () => {
    const [person] = sut(certificate({ idNumber: '', cardNo: '32041319680520113X43' }));

    expect(person).toMatchObject({ idNumberRaw: '32041319680520113X', idNumber: '32041319680520113X' });
  });

  it('reads a deceased holder, and type or grade outside GB/T 26341 as null', () => {
    const [person] = sut(certificate({ status: 'deceased', disabilityType: '8', disabilityGrade: '0' }));

    expect(person.attributes).toMatchObject({
      lifeStatus: 'deceased',
      status: 'ended',
      disabilityType: null,
      disabilityGrade: null,
    });
  });
});
