import { PageEnds } from './page-ends';

/** A sorted table served the way the stores serve it: by key when told one, else by offset. */
function table(keys: string[]) {
  const reads: Array<{ offset: number; after: string | undefined }> = [];
  const read = (ends: PageEnds, offset: number, limit: number) =>
    ends.page(
      offset,
      (after) => {
        reads.push({ offset, after });
        const sorted = [...keys].sort();
        const from = after === undefined ? offset : sorted.findIndex((k) => k > after);
        return Promise.resolve(from < 0 ? [] : sorted.slice(from, from + limit));
      },
      (k) => k,
    );
  return { keys, reads, read };
}

describe('PageEnds: offset paging served by key', () => {
  it('reads each next page after the last key of the page before, with the same rows as OFFSET', async () => {
    const t = table(['a', 'b', 'c', 'd', 'e']);
    const ends = new PageEnds();
    expect(await t.read(ends, 0, 2)).toEqual(['a', 'b']);
    expect(await t.read(ends, 2, 2)).toEqual(['c', 'd']);
    expect(await t.read(ends, 4, 2)).toEqual(['e']);
    expect(t.reads.map((r) => r.after)).toEqual([undefined, 'b', 'd']);
    // An offset no page ended at is read by offset.
    expect(await t.read(ends, 1, 2)).toEqual(['b', 'c']);
    expect(t.reads[3].after).toBeUndefined();
  });

  it('forgets the ends when a row is inserted, so offsets keep their meaning', async () => {
    const t = table(['b', 'd', 'f']);
    const ends = new PageEnds();
    await t.read(ends, 0, 2);
    await ends.inserting(() => Promise.resolve(t.keys.push('a')));
    // By offset, the second page now starts at 'd' ('a' moved everything on by one).
    expect(await t.read(ends, 2, 2)).toEqual(['d', 'f']);
    expect(t.reads[1].after).toBeUndefined();
  });

  it('does not remember a page read while an insert was under way', async () => {
    const t = table(['b', 'd', 'f']);
    const ends = new PageEnds();
    let release: () => void = () => undefined;
    const insert = ends.inserting(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            t.keys.push('a');
            resolve();
          };
        }),
    );
    const page = ends.page(
      0,
      async () => {
        release();
        await insert;
        return ['b', 'd'];
      },
      (k) => k,
    );
    await page;
    expect(ends.keyBefore(2)).toBeUndefined();
  });
});
