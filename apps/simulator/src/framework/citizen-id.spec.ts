import {
  birthDateOf,
  checkCharacter,
  genderCodeOf,
  isCalendarDate,
  isLegacyCitizenId,
  isMale,
  isValidCitizenId,
  legacyForm,
  parseCitizenId,
  toEighteen,
} from './citizen-id';

describe('citizen ID numbers (GB 11643-1999)', () => {
  // The standard's own examples, and a few more whose check characters were worked out by hand.
  const VALID = ['11010519491231002X', '440524188001010014', '110105198001010016', '110105200002290013'];

  it('computes the check character from the first 17 digits, X standing for 10', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
    expect(checkCharacter('11010519800101001')).toBe('6');
  });

  it.each(VALID)('accepts %s', (id) => {
    expect(isValidCitizenId(id)).toBe(true);
    expect(parseCitizenId(id)).not.toBeNull();
  });

  it('refuses a wrong check character, a lower-case x and malformed numbers', () => {
    expect(isValidCitizenId('110105194912310021')).toBe(false);
    expect(isValidCitizenId('440524188001010015')).toBe(false);
    expect(isValidCitizenId('11010519491231002x')).toBe(false);
    expect(isValidCitizenId('1101051949123100X2')).toBe(false);
    expect(isValidCitizenId('11010519491231002')).toBe(false);
    expect(isValidCitizenId('')).toBe(false);
    expect(parseCitizenId('110105194912310021')).toBeNull();
  });

  it('refuses birth dates that are not on the calendar, even with the right check character', () => {
    const withCheck = (first17: string): string => first17 + checkCharacter(first17);
    expect(isValidCitizenId(withCheck('11010519000229001'))).toBe(false); // 1900 was no leap year
    expect(isValidCitizenId(withCheck('11010519490230001'))).toBe(false);
    expect(isValidCitizenId(withCheck('11010519491301001'))).toBe(false);
    expect(isValidCitizenId(withCheck('11010519490100001'))).toBe(false);
    expect(isValidCitizenId(withCheck('11010519490431001'))).toBe(false);
    expect(isCalendarDate('20000229')).toBe(true);
    expect(isCalendarDate('19000229')).toBe(false);
  });

  it('applies a minimum birth year only when asked', () => {
    expect(parseCitizenId('440524188001010014')).toMatchObject({ birthDate: '1880-01-01' });
    expect(isValidCitizenId('440524188001010014', { minBirthYear: 1900 })).toBe(false);
    expect(parseCitizenId('440524188001010014', { minBirthYear: 1900 })).toBeNull();
    expect(parseCitizenId('11010519491231002X', { minBirthYear: 1900 })).not.toBeNull();
  });

  it('reads birth date and gender from an 18-digit number', () => {
    expect(parseCitizenId('11010519491231002X')).toEqual({
      birthDate: '1949-12-31',
      gender: '2',
      legacy: false,
      eighteen: '11010519491231002X',
    });
    expect(parseCitizenId('440524188001010014')).toMatchObject({ birthDate: '1880-01-01', gender: '1' });
    expect(birthDateOf('110105200002290013')).toBe('2000-02-29');
    expect(isMale('110105198001010016')).toBe(true);
    expect(genderCodeOf('11010519491231002X')).toBe('2');
  });

  describe('legacy 15-digit numbers', () => {
    it('upgrades to 18 digits: 19 before the year, check character appended', () => {
      expect(toEighteen('110105491231002')).toBe('11010519491231002X');
      expect(toEighteen('110105800101001')).toBe('110105198001010016');
    });

    it('leaves anything that is not a valid legacy number unchanged', () => {
      expect(toEighteen('11010519491231002X')).toBe('11010519491231002X');
      expect(toEighteen('110105490230002')).toBe('110105490230002');
      expect(toEighteen('abc')).toBe('abc');
    });

    it('runs the upgrade backwards', () => {
      expect(legacyForm('11010519491231002X')).toBe('110105491231002');
      expect(legacyForm(toEighteen('110105800101001'))).toBe('110105800101001');
    });

    it('is recognised and parsed, but is not a valid 18-digit number', () => {
      expect(isLegacyCitizenId('110105491231002')).toBe(true);
      expect(isValidCitizenId('110105491231002')).toBe(false);
      expect(parseCitizenId('110105491231002')).toEqual({
        birthDate: '1949-12-31',
        gender: '2',
        legacy: true,
        eighteen: '11010519491231002X',
      });
      expect(birthDateOf('110105800101001')).toBe('1980-01-01');
      expect(isMale('110105800101001')).toBe(true);
    });

    it('is refused when its date is not on the calendar', () => {
      expect(isLegacyCitizenId('110105490230002')).toBe(false);
      expect(isLegacyCitizenId('110105001301002')).toBe(false);
      expect(parseCitizenId('110105490230002')).toBeNull();
      expect(parseCitizenId('11010549123100')).toBeNull();
    });
  });
});
