import fc from 'fast-check';
import {
  citizenIdCheckCharacter,
  citizenIdConsistency,
  makeCitizenId,
  maskCitizenId,
  normaliseCitizenId,
  parseCitizenId,
  ParsedCitizenId,
  upgradeLegacyCitizenId,
} from './citizen-id';

const TODAY = new Date(2025, 5, 1);

const PROVINCES = ['11', '12', '13', '32', '44', '46', '54', '65', '71', '81', '82', '83'];
const regionCode = fc
  .tuple(fc.constantFrom(...PROVINCES), fc.integer({ min: 0, max: 9999 }))
  .map(([province, county]) => province + String(county).padStart(4, '0'));
const birthDateBetween = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
const sequence = fc.integer({ min: 0, max: 999 });
const validCitizenId = fc
  .tuple(regionCode, birthDateBetween('1890-01-01', '2025-06-01'), sequence)
  .map(([region, birth, seq]) => ({ region, birth, seq, id: makeCitizenId(region, birth, seq) }));

const FULL_WIDTH: Record<string, string> = {
  X: 'Ｘ',
  ...Object.fromEntries([...'0123456789'].map((d, i) => [d, String.fromCharCode(0xff10 + i)])),
};

function parsedOrFail(raw: string): ParsedCitizenId {
  const result = parseCitizenId(raw, TODAY);
  if (!result.ok) throw new Error(`expected ${raw} to parse, got ${result.problem}`);
  return result.id;
}

describe(parseCitizenId.name, () => {
  it.each([
    ['11010519491231002X', '110105', '1949-12-31', '2'],
    ['320402198506121236', '320402', '1985-06-12', '1'],
    ['320412200002290020', '320412', '2000-02-29', '2'],
    ['320481200012310083', '320481', '2000-12-31', '2'],
    ['65010219700101123X', '650102', '1970-01-01', '1'],
    ['810000200101010011', '810000', '2001-01-01', '1'],
    ['130103195507052827', '130103', '1955-07-05', '2'],
  ])('accepts the known-good number %s', (raw, region, birthDate, gender) => {
    const sut = parsedOrFail(raw);

    expect(sut).toEqual({ value: raw, regionCode: region, birthDate, gender, upgradedFromLegacy: false });
  });

  it('upgrades a legacy 15-digit number', () => {
    const sut = parsedOrFail('320402850612123');

    expect(sut).toEqual({
      value: '320402198506121236',
      regionCode: '320402',
      birthDate: '1985-06-12',
      gender: '1',
      upgradedFromLegacy: true,
    });
  });

  it.each([
    ['', 'empty', '请填写公民身份号码'],
    [' \u3000 ', 'empty', '请填写公民身份号码'],
    ['12345', 'format', '公民身份号码应为18位（或旧版15位）数字，最后一位可以是X'],
    ['1101051949123100X2', 'format', '公民身份号码应为18位（或旧版15位）数字，最后一位可以是X'],
    ['11010519491231002Y', 'format', '公民身份号码应为18位（或旧版15位）数字，最后一位可以是X'],
    ['010105194912310026', 'region', '公民身份号码的前6位地区码不正确'],
    ['990105194912310026', 'region', '公民身份号码的前6位地区码不正确'],
    ['110105194902300020', 'birth-date', '公民身份号码中的出生日期不正确'],
    ['320411199002290045', 'birth-date', '公民身份号码中的出生日期不正确'],
    ['440524188001010014', 'birth-date', '公民身份号码中的出生日期不正确'],
    ['320402203001010016', 'birth-date', '公民身份号码中的出生日期不正确'],
    ['110105491331002', 'birth-date', '公民身份号码中的出生日期不正确'],
    ['110105194912310021', 'checksum', '公民身份号码校验位错误'],
  ])('refuses %j as %s', (raw, problem, message) => {
    expect(parseCitizenId(raw, TODAY)).toEqual({ ok: false, problem, message });
  });

  it('judges "in the future" against the given day', () => {
    const id = makeCitizenId('320402', '2025-06-02', 1);

    expect(parseCitizenId(id, new Date(2025, 5, 1))).toMatchObject({ ok: false, problem: 'birth-date' });
    expect(parseCitizenId(id, new Date(2025, 5, 2))).toMatchObject({ ok: true });
  });

  it('parses anything makeCitizenId builds and round-trips birth date and gender', () => {
    fc.assert(
      fc.property(validCitizenId, ({ region, birth, seq, id }) => {
        const sut = parsedOrFail(id);

        expect(sut.value).toBe(id);
        expect(sut.regionCode).toBe(region);
        expect(sut.birthDate).toBe(birth);
        expect(sut.gender).toBe(seq % 2 === 1 ? '1' : '2');
      }),
    );
  });

  it('detects any change to a single one of the first 17 digits', () => {
    fc.assert(
      fc.property(
        validCitizenId,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        ({ id }, position, delta) => {
          const changedDigit = String((Number(id[position]) + delta) % 10);
          const changed = id.slice(0, position) + changedDigit + id.slice(position + 1);

          expect(citizenIdCheckCharacter(changed.slice(0, 17))).not.toBe(id[17]);
          expect(parseCitizenId(changed, TODAY).ok).toBe(false);
        },
      ),
    );
  });

  it('parses legacy 15-digit numbers to their 18-digit form with the same birth date and gender', () => {
    fc.assert(
      fc.property(
        regionCode,
        birthDateBetween('1900-01-01', '1999-12-31'),
        sequence,
        (region, birth, seq) => {
          const legacy = region + birth.slice(2).replace(/-/g, '') + String(seq).padStart(3, '0');

          const sut = parsedOrFail(legacy);

          expect(sut.value).toHaveLength(18);
          expect(sut.value).toBe(upgradeLegacyCitizenId(legacy));
          expect(sut.birthDate).toBe(birth);
          expect(sut.gender).toBe(seq % 2 === 1 ? '1' : '2');
          expect(sut.upgradedFromLegacy).toBe(true);
          expect(parsedOrFail(sut.value).upgradedFromLegacy).toBe(false);
        },
      ),
    );
  });

  it('reads full-width, lower-case and spaced variants as the same number', () => {
    const retype = fc.constantFrom<Array<(ch: string) => string>>(
      (ch) => ch,
      (ch) => FULL_WIDTH[ch],
      (ch) => ch.toLowerCase(),
      (ch) => ` ${ch}`,
      (ch) => `\u3000${ch}`,
    );
    fc.assert(
      fc.property(validCitizenId, fc.array(retype, { minLength: 18, maxLength: 18 }), ({ id }, retypings) => {
        const typed = [...id].map((ch, i) => retypings[i](ch)).join('');

        expect(parsedOrFail(typed).value).toBe(id);
      }),
    );
  });
});

describe(normaliseCitizenId.name, () => {
  it('turns full-width digits, x and spaces into the plain form', () => {
    expect(normaliseCitizenId(' １１０１０５ 1949\u300012310０2ｘ\t')).toBe('11010519491231002X');
    expect(normaliseCitizenId('11010519491231002Ｘ')).toBe('11010519491231002X');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const once = normaliseCitizenId(raw);

        expect(normaliseCitizenId(once)).toBe(once);
      }),
    );
  });
});

describe(citizenIdCheckCharacter.name, () => {
  it('follows GB 11643 weights and the 1 0 X 9 … 2 table', () => {
    expect(citizenIdCheckCharacter('11010519491231002')).toBe('X');
    expect(citizenIdCheckCharacter('32040219850612123')).toBe('6');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => citizenIdCheckCharacter('1101051949123100')).toThrow(RangeError);
  });
});

describe(upgradeLegacyCitizenId.name, () => {
  it('inserts the century and appends the check character', () => {
    expect(upgradeLegacyCitizenId('110105491231002')).toBe('11010519491231002X');
  });

  it('refuses anything but 15 digits', () => {
    expect(() => upgradeLegacyCitizenId('11010519491231002X')).toThrow(RangeError);
  });
});

describe(citizenIdConsistency.name, () => {
  const id = parsedOrFail('11010519491231002X');

  it('is empty when the stored data agrees or is missing', () => {
    expect(citizenIdConsistency(id, { birthDate: '1949-12-31', gender: '2' })).toEqual([]);
    expect(citizenIdConsistency(id, {})).toEqual([]);
  });

  it('reports both fields with the value the number holds', () => {
    expect(citizenIdConsistency(id, { birthDate: '1949-12-30', gender: '1' })).toEqual([
      { field: 'birthDate', message: '出生日期与公民身份号码不一致（号码中为1949年12月31日）' },
      { field: 'gender', message: '性别与公民身份号码不一致（号码中为女）' },
    ]);
  });

  it.each(['0', '9'])('treats unknown gender %s as a mismatch', (gender) => {
    const male = parsedOrFail('320402198506121236');

    expect(citizenIdConsistency(male, { gender })).toEqual([
      { field: 'gender', message: '性别与公民身份号码不一致（号码中为男）' },
    ]);
  });

  it('writes month and day without leading zeros', () => {
    const sut = citizenIdConsistency(parsedOrFail('810000200101010011'), { birthDate: '2001-01-02' });

    expect(sut[0].message).toBe('出生日期与公民身份号码不一致（号码中为2001年1月1日）');
  });
});

describe(maskCitizenId.name, () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['11010519491231002x', '110105********002X'],
    ['110105491231002', '11***********02'],
    ['12345', '12*45'],
    ['1234', '****'],
    ['', ''],
  ])('masks %j as %j', (raw, masked) => {
    expect(maskCitizenId(raw)).toBe(masked);
  });

  it('keeps the length, the first 6 and the last 4 characters', () => {
    fc.assert(
      fc.property(validCitizenId, ({ id }) => {
        const sut = maskCitizenId(id);

        expect(sut).toHaveLength(id.length);
        expect(sut.slice(0, 6)).toBe(id.slice(0, 6));
        expect(sut.slice(-4)).toBe(id.slice(-4));
        expect(sut.slice(6, -4)).toBe('********');
      }),
    );
  });
});

describe(makeCitizenId.name, () => {
  it('builds the published example', () => {
    expect(makeCitizenId('110105', '1949-12-31', 2)).toBe('11010519491231002X');
  });

  it.each([
    ['32040', '1985-06-12', 1],
    ['320402', '1985-02-30', 1],
    ['320402', '1985-06-12', 1000],
    ['320402', '1985-06-12', 1.5],
  ])('refuses region %j, date %j, sequence %j', (region, birth, seq) => {
    expect(() => makeCitizenId(region, birth, seq)).toThrow(RangeError);
  });
});
