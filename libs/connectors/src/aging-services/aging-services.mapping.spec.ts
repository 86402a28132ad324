import { residentSnapshot } from '../testing/snapshots';
import { ISSUE_DAY, issueResidents } from '../testing/issue-household';
import { agingEndStatus, toAgingElder } from './aging-services.mapping';

describe(toAgingElder.name, () => {
  const sut = toAgingElder(issueResidents.head, ISSUE_DAY, 'active');

  it('sends exactly the fields the hub holds of those the spec lists (no emergencyContact)', () => {
    expect(Object.keys(sut).sort()).toEqual(
      [
        'address',
        'allowanceLevel',
        'birthDate',
        'gender',
        'idCard',
        'livingStatus',
        'name',
        'phone',
        'status',
      ].sort(),
    );
    expect(sut).not.toHaveProperty('emergencyContact');
    expect(sut).not.toHaveProperty('elderId');
  });

  it('translates the codes', () => {
    expect(sut).toEqual({
      name: '王建国',
      idCard: issueResidents.head.idNumber,
      gender: 'M',
      birthDate: '1963-05-10',
      phone: '13812345678',
      address: '常州市天宁区青龙街道青龙苑3幢2单元501室',
      livingStatus: 'with_spouse',
      allowanceLevel: 'none',
      status: 'active',
    });
  });

  it('computes the allowance band from the age on the day', () => {
    const elder = residentSnapshot({ birthDate: '1935-09-01', gender: '2' });
    expect(toAgingElder(elder, ISSUE_DAY, 'active')).toMatchObject({ allowanceLevel: '90-99', gender: 'F' });
    expect(toAgingElder(elder, new Date('2025-08-31T12:00:00+08:00'), 'active').allowanceLevel).toBe('80-89');
  });

  it('sends nulls for what the hub does not know, and no gender when nothing tells it', () => {
    const unknown = residentSnapshot({ gender: '9', idNumber: null, phone: null, currentAddress: null });
    const mapped = toAgingElder(unknown, ISSUE_DAY, 'active');
    expect(mapped).toMatchObject({ idCard: null, phone: null, address: null, livingStatus: null });
    expect(mapped).not.toHaveProperty('gender');
  });
});

describe(agingEndStatus.name, () => {
  it('ends the dead as deceased and everyone else as moved', () => {
    expect(agingEndStatus({ ...issueResidents.head, lifeStatus: 'deceased' })).toBe('deceased');
    expect(agingEndStatus({ ...issueResidents.head, residenceStatus: 'moved_out' })).toBe('moved');
  });
});
