import { issueResidents } from '../testing/issue-household';
import {
  disabilityChange,
  disabilityEndStatus,
  toDisabilityPerson,
  underCertificate,
  withoutSupersededRevocations,
} from './disability.mapping';
import changes from './fixtures/ok/changes.json';

const head = issueResidents.head;

describe(toDisabilityPerson.name, () => {
  const sut = toDisabilityPerson(head, 'valid');

  it('addresses the person by ID number + type + grade', () => {
    expect(sut.cardNo).toBe(`${head.idNumber}42`);
  });

  it('sends exactly the fields the hub holds of those the spec lists (no guardian, no cardNo)', () => {
    expect(Object.keys(sut.person).sort()).toEqual(
      [
        'address',
        'birthDate',
        'disabilityGrade',
        'disabilityType',
        'gender',
        'idNumber',
        'name',
        'phone',
        'status',
      ].sort(),
    );
  });

  it('writes the department formats', () => {
    expect(sut.person).toEqual({
      name: '王建国',
      idNumber: head.idNumber,
      gender: '1',
      birthDate: '19630510',
      disabilityType: '4',
      disabilityGrade: '2',
      phone: '13812345678',
      address: '常州市天宁区青龙街道青龙苑3幢2单元501室',
      status: 'valid',
    });
  });

  it('cannot address a resident without an ID number or a certificate', () => {
    expect(() => toDisabilityPerson({ ...head, idNumber: null }, 'valid')).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
    expect(() => toDisabilityPerson({ ...head, disability: null }, 'valid')).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
  });
});

describe(underCertificate.name, () => {
  it('writes type and grade of the old certificate, so the department accepts the revocation', () => {
    const old = `${head.idNumber}43`;
    const sut = underCertificate(head, old, 'revoked');
    expect(sut.cardNo).toBe(old);
    expect(sut.person).toMatchObject({ disabilityType: '4', disabilityGrade: '3', status: 'revoked' });
  });
});

describe(disabilityEndStatus.name, () => {
  it('ends the dead as deceased and the rest as revoked', () => {
    expect(disabilityEndStatus({ ...head, lifeStatus: 'deceased' })).toBe('deceased');
    expect(disabilityEndStatus({ ...head, residenceStatus: 'moved_out' })).toBe('revoked');
    expect(disabilityEndStatus({ ...head, disability: null })).toBe('revoked');
  });
});

describe(disabilityChange.name, () => {
  const [revokedOld, regraded, revoked, deceased] = changes.data.list;
  const change = (entry: (typeof changes.data.list)[number]) =>
    disabilityChange(entry.person, entry.changedAt);

  it('states a valid certificate in unified-record names', () => {
    expect(change(regraded)).toEqual({
      externalId: '32040219630510013041',
      idNumber: '320402196305100130',
      fields: { disabilityType: '4', disabilityGrade: '1', disabilityCertificateNo: '32040219630510013041' },
      changedAt: '2025-09-01T09:00:01.000Z',
    });
  });

  it('clears a revoked certificate, and leaves a death to the police', () => {
    expect(change(revoked)?.fields).toEqual({
      disabilityType: null,
      disabilityGrade: null,
      disabilityCertificateNo: null,
    });
    expect(change(deceased)).toBeNull();
  });

  it('drops the revocation a re-grading in the same page replaces, keeps the others', () => {
    const all = [revokedOld, regraded, revoked].map((entry) => change(entry)!);
    expect(withoutSupersededRevocations(all).map((c) => c.externalId)).toEqual([
      '32040219630510013041',
      '32040219500101001111',
    ]);
  });

  it('keeps the revocation of the very certificate the page also issued', () => {
    const issued = change(revoked)!;
    const sut = [
      { ...issued, fields: { ...issued.fields, disabilityCertificateNo: revoked.cardNo } },
      issued,
    ];
    expect(withoutSupersededRevocations(sut)).toHaveLength(2);
  });
});
