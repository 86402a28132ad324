import { issueHousehold, issueResidents } from '../testing/issue-household';
import {
  civilAssistanceOf,
  civilChange,
  fromCivilHousehold,
  toCivilHousehold,
} from './civil-assistance.mapping';
import household from './fixtures/ok/household.json';
import terminated from './fixtures/ok/terminated.json';

describe(toCivilHousehold.name, () => {
  const sut = toCivilHousehold(issueHousehold, 'active');

  it('sends exactly the fields the spec lists', () => {
    expect(Object.keys(sut).sort()).toEqual(
      [
        'address',
        'approvedOn',
        'assistanceType',
        'headIdCard',
        'headName',
        'members',
        'monthlyAmount',
        'status',
      ].sort(),
    );
    for (const member of sut.members) {
      expect(Object.keys(member).sort()).toEqual(['gender', 'idCard', 'name', 'relation']);
    }
  });

  it('writes the head first as 户主 and translates relations and genders', () => {
    expect(sut).toMatchObject({
      headName: '王建国',
      headIdCard: issueResidents.head.idNumber,
      address: '常州市天宁区青龙街道青龙苑3幢2单元501室',
      assistanceType: 'dibao',
      monthlyAmount: 1260.5,
      approvedOn: '2025-06-01',
      status: 'active',
    });
    expect(sut.members.map((m) => [m.name, m.relation, m.gender])).toEqual([
      ['王建国', '户主', '男'],
      ['李秀英', '配偶', '女'],
      ['王小明', '子', '男'],
      ['王小丽', '女', '女'],
    ]);
  });

  it('sends a null idCard for a child without an ID number', () => {
    expect(sut.members[3].idCard).toBeNull();
  });

  it('puts the head first even when the snapshot lists someone else first', () => {
    const [head, spouse, ...rest] = issueHousehold.members;
    const mapped = toCivilHousehold({ ...issueHousehold, members: [spouse, head, ...rest] }, 'active');
    expect(mapped.members.map((m) => m.relation)).toEqual(['户主', '配偶', '子', '女']);
  });

  it('ends with status ended, keeping the assistance fields the department requires', () => {
    const ended = toCivilHousehold(issueHousehold, 'ended');
    expect(ended).toMatchObject({ status: 'ended', assistanceType: 'dibao', monthlyAmount: 1260.5 });
  });

  it('refuses to send a household whose head has no ID number, as our side invalid', () => {
    const members = issueHousehold.members.map((m, i) => (i === 0 ? { ...m, idNumber: null } : m));
    expect(() => toCivilHousehold({ ...issueHousehold, members }, 'active')).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
  });
});

describe(fromCivilHousehold.name, () => {
  it('reads the department words and variants back as GB/T 4761 codes', () => {
    const sut = fromCivilHousehold(household);
    expect(sut).toMatchObject({
      householdNo: 'MZ320402000123',
      assistanceType: 'dibao',
      assistanceAmount: '1260.50',
      assistanceApprovedOn: '2025-06-01',
    });
    expect(sut.members.map((m) => [m.relation, m.gender, m.idNumber === null])).toEqual([
      ['02', '1', false],
      ['12', '2', false],
      ['20', '1', false],
      ['30', '2', true],
    ]);
  });
});

describe(civilChange.name, () => {
  it('states only the assistance fields, the department being authoritative for them', () => {
    const sut = civilChange(household, '2025-09-01T08:00:00Z');
    expect(sut).toEqual({
      subjectType: 'household',
      externalId: 'MZ320402000123',
      idNumber: '320402196305100135',
      fields: { assistanceType: 'dibao', assistanceAmount: '1260.50', assistanceApprovedOn: '2025-06-01' },
      changedAt: '2025-09-01T08:00:00Z',
    });
  });

  it('clears the assistance of a terminated household and upgrades a legacy head ID number', () => {
    const sut = civilChange(terminated, '2025-09-02T08:00:00Z');
    expect(sut.fields).toEqual({ assistanceType: null, assistanceAmount: null, assistanceApprovedOn: null });
    expect(sut.idNumber).toHaveLength(18);
  });
});

describe(civilAssistanceOf.name, () => {
  it('reads the assistance of a document whatever its status, or null when incomplete', () => {
    expect(civilAssistanceOf(terminated)).toEqual({
      type: 'dibao',
      amount: '1260.50',
      approvedOn: '2025-06-01',
    });
    expect(civilAssistanceOf({ ...household, assistanceType: 'other' })).toBeNull();
  });
});
