import { makeCitizenId } from '@hub/domain';
import { effectiveId, hardRule } from './hard-rules';
import { address, preparedPerson, sourcePerson } from './synthetic/source-person.fixture';

const MOTHER_ID = makeCitizenId('320402', '1990-06-15', 124);

describe(effectiveId.name, () => {
  it('keeps a number that fits the record', () => {
    expect(effectiveId(sourcePerson())).toBe(sourcePerson().idNumber);
  });

  it("disowns a mother's number on her baby boy's record (birth date and gender both contradict)", () => {
    const baby = sourcePerson({ idNumber: MOTHER_ID, name: '王小宝', gender: '1', birthDate: '2024-02-01' });
    expect(effectiveId(baby)).toBeNull();
  });

  it('keeps a number that contradicts only one of the two (a typing slip)', () => {
    expect(effectiveId(sourcePerson({ idNumber: MOTHER_ID, gender: '2', birthDate: '1990-06-16' }))).toBe(
      MOTHER_ID,
    );
    expect(effectiveId(sourcePerson({ idNumber: MOTHER_ID, gender: '1', birthDate: '1990-06-15' }))).toBe(
      MOTHER_ID,
    );
  });

  it('compares only year and month for month-only birth dates', () => {
    expect(effectiveId(sourcePerson({ idNumber: MOTHER_ID, gender: '1', birthDate: '1990-06-00' }))).toBe(
      MOTHER_ID,
    );
    expect(
      effectiveId(sourcePerson({ idNumber: MOTHER_ID, gender: '1', birthDate: '2004-06-00' })),
    ).toBeNull();
  });
});

describe(hardRule.name, () => {
  const home = address('红梅新村', '3', '2', '501');

  it('never lets twins with their own valid numbers be one person', () => {
    const twin = (name: string, sequence: number) =>
      preparedPerson({
        name,
        idNumber: makeCitizenId('320402', '2010-05-05', sequence),
        birthDate: '2010-05-05',
        address: home,
      });
    expect(hardRule(twin('李明', 111), twin('李亮', 113))).toBe('non-match');
  });

  it('leaves a valid and a mistyped (invalid) number to the model', () => {
    const valid = makeCitizenId('320402', '1985-03-07', 123);
    const mistyped = `${valid.slice(0, 16)}${valid[16] === '5' ? '7' : '5'}${valid[17]}`;
    expect(
      hardRule(preparedPerson({ idNumber: valid }), preparedPerson({ idNumber: mistyped, idValid: false })),
    ).toBeNull();
  });

  it('separates a man and a woman without numbers whose names differ', () => {
    const husband = preparedPerson({ idNumber: null, name: '张伟', gender: '1' });
    expect(hardRule(husband, preparedPerson({ idNumber: null, name: '张薇', gender: '2' }))).toBe(
      'non-match',
    );
    expect(hardRule(husband, preparedPerson({ idNumber: null, name: '张伟', gender: '2' }))).toBeNull();
    expect(hardRule(husband, preparedPerson({ name: '张薇', gender: '2' }))).toBeNull();
  });

  it("uses the effective number: a baby under the mother's number is not ruled out against his own", () => {
    const underMother = preparedPerson({
      idNumber: MOTHER_ID,
      name: '王小宝',
      gender: '1',
      birthDate: '2024-02-01',
    });
    const own = preparedPerson({
      idNumber: makeCitizenId('320402', '2024-02-01', 11),
      name: '王小宝',
      birthDate: '2024-02-01',
    });
    expect(hardRule(underMother, own)).toBeNull();
  });
});
