/**
 * 常州市 and its six county-level divisions (GB/T 2260).
 * See the steering repo's shared/spec/codes.md, section "Administrative divisions".
 */
export interface District {
  /** 6-digit GB/T 2260 county code. */
  code: string;
  name: string;
}

export const CITY = { code: '320400', name: '常州市' } as const;

export const DISTRICTS: ReadonlyArray<District> = [
  { code: '320402', name: '天宁区' },
  { code: '320404', name: '钟楼区' },
  { code: '320411', name: '新北区' },
  { code: '320412', name: '武进区' },
  { code: '320413', name: '金坛区' },
  { code: '320481', name: '溧阳市' },
];
