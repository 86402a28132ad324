import { residentSnapshot } from '../testing/snapshots';
import { fromSqjzRecord, toSqjzRecord } from './justice-corrections.mapping';

const corrections = { type: '3', start: '2026-01-01', end: '2027-01-01' };

describe(toSqjzRecord.name, () => {
  it('sends exactly the listed fields', () => {
    const resident = residentSnapshot({ corrections });
    const sut = toSqjzRecord(resident, '1', 'JZ3204002026000001');
    expect(Object.keys(sut).sort()).toEqual(
      ['sqjzrybh', 'xm', 'sfzh', 'xb', 'jzlb', 'jzqxStart', 'jzqxEnd', 'lxdh', 'jzdz', 'zt'].sort(),
    );
    expect(sut).toEqual({
      sqjzrybh: 'JZ3204002026000001',
      xm: '王建国',
      sfzh: resident.idNumber,
      xb: '1',
      jzlb: '3',
      jzqxStart: '2026-01-01',
      jzqxEnd: '2027-01-01',
      lxdh: '13812345678',
      jzdz: '常州市天宁区青龙街道青龙苑3幢2单元501室',
      zt: '1',
    });
  });

  it('leaves out the own id for someone new and what the hub does not know', () => {
    const sut = toSqjzRecord(residentSnapshot({ corrections, phone: null, idNumber: null }), '2');
    expect(Object.keys(sut).sort()).toEqual(['jzdz', 'jzlb', 'jzqxEnd', 'jzqxStart', 'xb', 'xm', 'zt']);
    expect(sut.zt).toBe('2');
  });

  it('refuses to map someone without a term (relevance keeps them out)', () => {
    expect(() => toSqjzRecord(residentSnapshot(), '1')).toThrow('no corrections term');
  });
});

describe(fromSqjzRecord.name, () => {
  it('reads a term in corrections, and nothing the hub is authoritative for', () => {
    const sut = fromSqjzRecord(
      {
        sqjzrybh: 'JZ1',
        sfzh: '320402199002023012',
        xm: '赵六',
        lxdh: '1',
        jzlb: '3',
        jzqxStart: '2026-11-01',
        jzqxEnd: '2027-10-31',
        zt: '1',
      },
      '2026-11-27T13:33:37+08:00',
    );
    expect(sut).toEqual({
      externalId: 'JZ1',
      idNumber: '320402199002023012',
      fields: { corrections: { type: '3', start: '2026-11-01', end: '2027-10-31' } },
      changedAt: '2026-11-27T13:33:37+08:00',
    });
  });

  it('reads a release as the status cleared', () => {
    expect(fromSqjzRecord({ sqjzrybh: 'JZ1', zt: '2' }, '').fields).toEqual({ corrections: null });
  });

  it('states nothing from an incomplete record', () => {
    expect(fromSqjzRecord({ sqjzrybh: 'JZ1', zt: '1' }, '').fields).toEqual({});
  });
});
