import fc from 'fast-check';
import { citizenIdCheckCharacter, makeCitizenId } from '@hub/domain';
import { normaliseIdNumber } from './id-number';

const TODAY = new Date('2026-01-15T12:00:00+08:00');

describe(normaliseIdNumber.name, () => {
  it.each([
    ['320402196305100130', '320402196305100130'],
    ['  320402196305100130 ', '320402196305100130'],
    ['32040219900201022x', '32040219900201022X'],
    ['３２０４０２２００６０３０１０３１９', '320402200603010319'],
    ['３２０４０２１９９００２０１０２２ｘ', '32040219900201022X'],
    ['320402 19900201 022X', '32040219900201022X'],
    ['320402-19900201-022X', '32040219900201022X'],
  ])('normalises %j to the valid %j', (raw, idNumber) => {
    expect(normaliseIdNumber(raw, TODAY)).toEqual({ idNumber, valid: true });
  });

  it('upgrades a legacy 15-digit number with its century and check character', () => {
    // 320402 630510 013 → 320402 19630510 013 + check character 0 (GB 11643 weights).
    expect(normaliseIdNumber('320402630510013', TODAY)).toEqual({
      idNumber: '320402196305100130',
      valid: true,
    });
  });

  it('keeps a number with a wrong check character, for evidence, but not as valid', () => {
    expect(normaliseIdNumber('320402196305100131', TODAY)).toEqual({
      idNumber: '320402196305100131',
      valid: false,
    });
  });

  it.each([
    ['a birth date that does not exist', makeWithDate('19900230')],
    ['a birth date in the future', makeCitizenId('320402', '2026-03-01', 11)],
  ])('does not call a number with %s valid', (_, idNumber) => {
    expect(normaliseIdNumber(idNumber, TODAY)).toEqual({ idNumber, valid: false });
  });

  it.each([
    [''],
    ['   '],
    ['3204021963'],
    ['32040219630510013'],
    ['32040219630510013X9'],
    ['3204X2196305100130'],
  ])('gives null for %j, which is not an ID number', (raw) => {
    expect(normaliseIdNumber(raw, TODAY)).toEqual({ idNumber: null, valid: false });
  });

  it.each([[null], [undefined], [{}], [3.5]])('gives null for the non-text %j', (raw) => {
    expect(normaliseIdNumber(raw, TODAY).idNumber).toBeNull();
  });

  it('is idempotent', () => {
    const idLike = fc.stringMatching(/^[0-9０-９ xX-]{14,22}$/);
    fc.assert(
      fc.property(fc.oneof(idLike, fc.string()), (raw) => {
        const once = normaliseIdNumber(raw, TODAY);

        expect(normaliseIdNumber(once.idNumber, TODAY)).toEqual(once);
      }),
    );
  });

  it('accepts every number makeCitizenId builds, and every typo of one is caught or kept invalid', () => {
    const birthDate = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2025-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        birthDate,
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        (date, seq, pos) => {
          const id = makeCitizenId('320402', date, seq);
          const typo = id.slice(0, pos) + String((Number(id[pos]) + 1) % 10) + id.slice(pos + 1);

          expect(normaliseIdNumber(id, TODAY)).toEqual({ idNumber: id, valid: true });
          expect(normaliseIdNumber(typo, TODAY).valid).toBe(false);
        },
      ),
    );
  });
});

/** makeCitizenId refuses dates that do not exist; the check character is computed the same way. */
function makeWithDate(yyyyMMdd: string): string {
  const first17 = `320402${yyyyMMdd}022`;
  return first17 + citizenIdCheckCharacter(first17);
}
