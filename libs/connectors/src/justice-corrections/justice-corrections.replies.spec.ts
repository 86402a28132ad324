import changesReply from './fixtures/ok/changes-reply.json';
import listReply from './fixtures/ok/list-reply.json';
import saveReply from './fixtures/ok/save-reply.json';
import { isSuccess } from './justice-corrections.codes';
import { beijingInstant, readChanges, readPage, readSavedId } from './justice-corrections.replies';

describe('justice-corrections replies', () => {
  it('reads the new id from a save reply', () => {
    expect(isSuccess(saveReply.code)).toBe(true);
    expect(readSavedId(saveReply)).toBe('JZ3204002026000001');
  });

  it('reads a list page and its total', () => {
    const sut = readPage(listReply);
    expect(sut.total).toBe(3);
    expect(sut.records.map((r) => r.sqjzrybh)).toEqual(['JZ3204002026000001', 'JZ3204002026000002']);
  });

  it('reads the change feed: records after the change, Beijing times, the next cursor', () => {
    const sut = readChanges(changesReply);
    expect(sut.cursor).toBe('8');
    expect(sut.hasMore).toBe(false);
    expect(sut.changes.map((c) => [c.record.sqjzrybh, c.record.zt, c.changedAt])).toEqual([
      ['JZ3204002026000003', '1', '2026-11-27T13:33:37+08:00'],
      ['JZ3204002026000002', '2', '2026-11-27T14:00:00+08:00'],
    ]);
  });

  it.each([
    ['0000', true],
    ['E101', false],
    ['E500', false],
  ])('code %s is success: %s', (code, expected) => {
    expect(isSuccess(code)).toBe(expected);
  });

  it('leaves an unknown time format as it came', () => {
    expect(beijingInstant('20261127')).toBe('20261127');
  });
});
