import { pagedItems } from './paged-items';

describe(pagedItems.name, () => {
  it('reads a bare array', () => {
    expect(pagedItems([{ a: 1 }])).toEqual([{ a: 1 }]);
  });

  it('reads the array inside a page object', () => {
    expect(pagedItems({ total: 1, items: [{ a: 1 }] })).toEqual([{ a: 1 }]);
    expect(pagedItems({ page: 1, records: [{ a: 2 }] })).toEqual([{ a: 2 }]);
  });

  it('reads the array inside an envelope', () => {
    expect(pagedItems({ code: '0', message: 'ok', data: { total: 1, list: [{ a: 3 }] } })).toEqual([
      { a: 3 },
    ]);
  });

  it('gives nothing for anything else', () => {
    expect(pagedItems(null)).toEqual([]);
    expect(pagedItems({ total: 0 })).toEqual([]);
  });
});
