import { CITY, COMMUNITIES, DISTRICTS, STREETS, gridCellsFor } from './index';

describe('seed geography', () => {
  const districtCodes = new Set(DISTRICTS.map((d) => d.code));
  const streetByCode = new Map(STREETS.map((s) => [s.code, s]));

  it('covers the six districts of 常州市', () => {
    expect(CITY.code).toBe('320400');
    expect(DISTRICTS.map((d) => d.code).sort()).toEqual(
      ['320402', '320404', '320411', '320412', '320413', '320481'].sort(),
    );
    for (const d of DISTRICTS) {
      expect(STREETS.some((s) => s.districtCode === d.code)).toBe(true);
      expect(COMMUNITIES.some((c) => c.code.startsWith(d.code))).toBe(true);
    }
  });

  it('gives every street a 9-digit code starting with its district code', () => {
    for (const s of STREETS) {
      expect(s.code).toMatch(/^\d{9}$/);
      expect(districtCodes.has(s.districtCode)).toBe(true);
      expect(s.code.startsWith(s.districtCode)).toBe(true);
      // statistical numbering: 街道 0xx, 镇 1xx
      expect(s.code[6]).toBe(s.kind === 'street' ? '0' : '1');
      expect(s.name.endsWith(s.kind === 'street' ? '街道' : '镇')).toBe(true);
    }
  });

  it('gives every community a 12-digit code starting with its street code', () => {
    for (const c of COMMUNITIES) {
      expect(c.code).toMatch(/^\d{12}$/);
      expect(streetByCode.has(c.streetCode)).toBe(true);
      expect(c.code.startsWith(c.streetCode)).toBe(true);
      expect(c.name).toMatch(c.kind === 'neighbourhood' ? /社区$/ : /村$/);
    }
  });

  it('has unique codes across districts, streets and communities', () => {
    const all = [...DISTRICTS, ...STREETS, ...COMMUNITIES].map((x) => x.code);
    expect(new Set(all).size).toBe(all.length);
  });

  it('has exactly 859 communities', () => {
    expect(COMMUNITIES).toHaveLength(859);
  });

  it('has community names unique within each street', () => {
    const seen = new Set<string>();
    for (const c of COMMUNITIES) {
      const key = `${c.streetCode}/${c.name}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('has at least one community in every street', () => {
    const withCommunities = new Set(COMMUNITIES.map((c) => c.streetCode));
    for (const s of STREETS) expect(withCommunities.has(s.code)).toBe(true);
  });

  describe('gridCellsFor', () => {
    const community = COMMUNITIES[0].code;

    it('returns six numbered cells by default, deterministically', () => {
      const cells = gridCellsFor(community);
      expect(cells).toHaveLength(6);
      expect(cells.map((c) => c.name)).toEqual([
        '第一网格',
        '第二网格',
        '第三网格',
        '第四网格',
        '第五网格',
        '第六网格',
      ]);
      expect(cells[0]).toEqual({ code: `${community}001`, communityCode: community, name: '第一网格' });
      for (const c of cells) expect(c.code).toMatch(/^\d{15}$/);
      expect(gridCellsFor(community)).toEqual(cells);
    });

    it('names larger counts in Chinese numerals', () => {
      const names = gridCellsFor(community, 120).map((c) => c.name);
      expect(names[9]).toBe('第十网格');
      expect(names[10]).toBe('第十一网格');
      expect(names[19]).toBe('第二十网格');
      expect(names[99]).toBe('第一百网格');
      expect(names[104]).toBe('第一百零五网格');
      expect(names[109]).toBe('第一百一十网格');
    });

    it('rejects a code that is not 12 digits and bad counts', () => {
      expect(() => gridCellsFor('320402001')).toThrow(RangeError);
      expect(() => gridCellsFor(community, -1)).toThrow(RangeError);
      expect(() => gridCellsFor(community, 1.5)).toThrow(RangeError);
    });
  });
});
