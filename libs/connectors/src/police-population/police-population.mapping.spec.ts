import { residentSnapshot } from '../testing/snapshots';
import { issueResidents } from '../testing/issue-household';
import { fromPoliceRecord, toPoliceRecord } from './police-population.mapping';

describe(toPoliceRecord.name, () => {
  it('sends exactly the listed fields, codes and dates in the service form', () => {
    const sut = toPoliceRecord(issueResidents.head);
    expect(Object.keys(sut).sort()).toEqual(
      ['CSRQ', 'GMSFHM', 'HH', 'HJDZ', 'LXDH', 'MZ', 'RYLB', 'XB', 'XM', 'XZZ', 'YHZGX', 'ZT'].sort(),
    );
    expect(sut).toMatchObject({
      GMSFHM: issueResidents.head.idNumber,
      XM: '王建国',
      XB: '1',
      MZ: '01',
      CSRQ: '19630510',
      HH: '320402123',
      YHZGX: '02',
      RYLB: '1',
      ZT: '0',
      XZZ: '常州市天宁区青龙街道青龙苑3幢2单元501室',
    });
  });

  it('never sends disability, assistance, education or other departments’ facts', () => {
    const keys = Object.keys(toPoliceRecord(issueResidents.head));
    expect(keys).not.toEqual(expect.arrayContaining(['disability']));
    expect(keys.every((key) => /^[A-Z]+$/.test(key))).toBe(true);
  });

  it('leaves out what the hub does not know instead of clearing it', () => {
    const sut = toPoliceRecord(
      residentSnapshot({
        registrationType: 'floating',
        household: null,
        phone: null,
        registeredAddress: null,
      }),
    );
    expect(Object.keys(sut).sort()).toEqual(['CSRQ', 'GMSFHM', 'MZ', 'RYLB', 'XB', 'XM', 'XZZ', 'ZT'].sort());
    expect(sut.RYLB).toBe('2');
  });

  it('sends no 户号 or relation for a floating resident: the house they live in is no police 户', () => {
    const sut = toPoliceRecord(
      residentSnapshot({
        registrationType: 'floating',
        household: {
          householdId: 'h',
          householdNo: '320402001',
          relation: '02',
          headResidentId: 'r',
          assistanceType: null,
        },
      }),
    );
    expect(sut).not.toHaveProperty('YHZGX');
    expect(sut).not.toHaveProperty('HH');
  });

  it('sends the ID number normalised (full-width digits, lower-case x)', () => {
    expect(toPoliceRecord(residentSnapshot({ idNumber: '３２０４０２１９６４０３１５０１３x' })).GMSFHM).toBe(
      '32040219640315013X',
    );
  });
});

describe(fromPoliceRecord.name, () => {
  it('reads a death registered at the station: police-authoritative fields only', () => {
    const sut = fromPoliceRecord({
      RYBH: 'R32040200000001',
      GMSFHM: '320402640315013',
      XM: '王建国',
      XB: '1',
      MZ: '01',
      CSRQ: '19640315',
      HH: '320402123',
      YHZGX: '02',
      HJDZ: '江苏省常州市天宁区青龙街道青龙苑3幢2单元501室',
      XZZ: '常州市天宁区青龙街道青龙苑3幢2单元501室',
      RYLB: '1',
      LXDH: '13900000000',
      ZT: '1',
      BGSJ: '20251127133140',
    });
    expect(sut).toEqual({
      externalId: 'R32040200000001',
      idNumber: '320402196403150131',
      changedAt: '2025-11-27T13:31:40+08:00',
      fields: {
        name: '王建国',
        gender: '1',
        ethnicity: '01',
        birthDate: '1964-03-15',
        registeredAddress: '江苏省常州市天宁区青龙街道青龙苑3幢2单元501室',
        householdNo: '320402123',
        relation: '02',
        registrationType: 'registered',
        lifeStatus: 'deceased',
      },
    });
  });

  it('reads ZT 0 as no statement about life or residence', () => {
    expect(fromPoliceRecord({ GMSFHM: '320402196403150131', ZT: '0' }).fields).toEqual({});
  });

  it('reads a move out', () => {
    expect(fromPoliceRecord({ GMSFHM: '320402196403150131', ZT: '2' }).fields).toEqual({
      residenceStatus: 'moved_out',
    });
  });
});
