import {
  CODE_TABLES,
  codeEntries,
  codeName,
  DISTRICTS,
  ETHNICITY,
  GENDER,
  HEAD_RELATIONS,
  isCode,
  POLITICAL_STATUS,
  RELATION_TO_HEAD,
} from './index';

describe(isCode.name, () => {
  it('accepts the codes of a table', () => {
    expect(isCode(GENDER, '1')).toBe(true);
    expect(isCode(ETHNICITY, '98')).toBe(true);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', '3', '01'])(
    'refuses %j as a gender code',
    (code) => {
      expect(isCode(GENDER, code)).toBe(false);
    },
  );

  it('refuses values that are not strings', () => {
    expect(isCode(GENDER, 1)).toBe(false);
    expect(isCode(GENDER, null)).toBe(false);
  });
});

describe(codeName.name, () => {
  it('names a code in Chinese', () => {
    expect(codeName(ETHNICITY, '01')).toBe('汉族');
    expect(codeName(DISTRICTS, '320481')).toBe('溧阳市');
  });

  it('is undefined for an unknown code and for Object.prototype members', () => {
    expect(codeName(GENDER, '5')).toBeUndefined();
    expect(codeName(GENDER, 'constructor')).toBeUndefined();
  });
});

describe(codeEntries.name, () => {
  it('lists codes in code order although JavaScript puts integer-like keys first', () => {
    expect(codeEntries(ETHNICITY).slice(0, 2)).toEqual([
      { code: '01', name: '汉族' },
      { code: '02', name: '蒙古族' },
    ]);
  });
});

describe('code tables', () => {
  it('hold all 56 ethnic groups plus 97 and 98', () => {
    const codes = Object.keys(ETHNICITY).sort();

    expect(codes).toHaveLength(58);
    expect(codes.filter((c) => Number(c) <= 56)).toEqual(
      Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('hold every GB/T 4761 relation listed in codes.md', () => {
    expect(Object.keys(RELATION_TO_HEAD)).toHaveLength(63);
    expect(HEAD_RELATIONS.every((code) => isCode(RELATION_TO_HEAD, code))).toBe(true);
  });

  it('list each democratic party 04-11 on its own', () => {
    expect(codeEntries(POLITICAL_STATUS).map((entry) => entry.code)).toEqual(
      Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(GENDER)).toBe(true);
    expect(Object.isFrozen(CODE_TABLES)).toBe(true);
    expect(Object.isFrozen(HEAD_RELATIONS)).toBe(true);
  });

  it('are all reachable by a kebab-case name', () => {
    for (const [name, table] of Object.entries(CODE_TABLES)) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(Object.keys(table).length).toBeGreaterThan(0);
    }
    expect(Object.keys(CODE_TABLES)).toHaveLength(19);
  });
});
