import { residentSnapshot } from '../testing/snapshots';
import exportReply from './fixtures/ok/export-list-reply.json';
import {
  hubFlatAddress,
  justiceCorrectionsExportReader as reader,
} from './justice-corrections.export-reader';
import { toSqjzRecord } from './justice-corrections.mapping';
import { readPage } from './justice-corrections.replies';

/** What a reconciler does: compare the keys both sides state, after trimming. */
function differences(mapped: Record<string, unknown>, exported: Record<string, unknown>): string[] {
  return Object.keys(mapped)
    .filter((key) => key in exported)
    .filter((key) => String(mapped[key] ?? '').trim() !== String(exported[key] ?? '').trim());
}

// The decrypted list reply, read as exportAll reads it: records exactly as it yields them.
const [current, released] = readPage(exportReply).records;
const resident = residentSnapshot({
  corrections: { type: '2', start: '2025-03-01', end: '2027-02-28' },
});
const mapped = { ...toSqjzRecord(resident, '1') };

describe('justiceCorrectionsExportReader', () => {
  it('reads an exported record in the shape map() produces, with no false differences', () => {
    const comparable = reader.comparable(current);
    expect(differences(mapped, comparable)).toEqual([]);
    // Every field the department states about the person is compared; its id and status are not.
    expect(Object.keys(comparable).sort()).toEqual(
      Object.keys(mapped)
        .filter((key) => key !== 'zt')
        .sort(),
    );
    expect(comparable.jzdz).toBe(resident.currentAddress?.fullText);
  });

  it('shows a changed phone, a wrong name and a changed term as differences', () => {
    const changed = reader.comparable({
      ...current,
      lxdh: '13900001111',
      xm: '王建军',
      jzqxEnd: '2027-03-31',
    });
    expect(differences(mapped, changed)).toEqual(['xm', 'jzqxEnd', 'lxdh']);
  });

  it('shows a phone the hub holds and the department lacks', () => {
    const { lxdh: _dropped, ...withoutPhone } = current;
    expect(differences(mapped, reader.comparable(withoutPhone))).toEqual(['lxdh']);
  });

  it('identifies a record in corrections and a released one', () => {
    expect(reader.identify(current)).toEqual({
      externalId: 'JZ3204022025000001',
      idNumber: resident.idNumber,
      active: true,
    });
    expect(reader.identify(released)).toEqual({
      externalId: 'JZ3204022024000003',
      idNumber: '32040219900201022X',
      active: false,
    });
  });

  it('matches on a normalised citizen ID', () => {
    expect(reader.identify({ ...current, sfzh: ' 32040219900201022x ' }).idNumber).toBe('32040219900201022X');
  });
});

describe(hubFlatAddress.name, () => {
  it.each([
    ['青龙苑3-2-501', '青龙苑3幢2单元501室'],
    ['青龙苑3栋2单元501', '青龙苑3幢2单元501室'],
    ['青龙苑３幢２单元５０１室 ', '青龙苑3幢2单元501室'],
    ['青龙苑12号楼501', '青龙苑12幢501室'],
    ['延陵西路99号', '延陵西路99号'],
  ])('%s → %s', (typed, hub) => expect(hubFlatAddress(typed)).toBe(hub));
});
