import fc from 'fast-check';
import { normalisePhone } from './phone';

describe(normalisePhone.name, () => {
  it.each([
    ['13812345678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    [13812345678, '13812345678'],
    ['0519-86601234', '051986601234'],
    ['(0519)86601234', '051986601234'],
    ['（０５１９）８６６０１２３４', '051986601234'],
    ['051986601234', '051986601234'],
    ['0519-86601234转801', '051986601234'],
    ['+86 519 8660 1234', '051986601234'],
    ['86601234', '051986601234'],
    ['0519-6612345', '05196612345'],
    ['010-12345678', '01012345678'],
    ['13812345678/0519-86601234', '13812345678'],
    ['无, 13812345678', '13812345678'],
  ])('normalises %j to %j', (raw, phone) => {
    expect(normalisePhone(raw)).toBe(phone);
  });

  it.each([
    [''],
    ['无'],
    ['12345678901'],
    ['1381234567'],
    ['138123456789'],
    ['6612345'],
    ['00000000'],
    [null],
    [{}],
  ])('gives null for the junk %j', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('is idempotent and gives digits only', () => {
    const phoneLike = fc.stringMatching(/^[+0-9０-９ ()-]{6,16}$/);
    fc.assert(
      fc.property(fc.oneof(phoneLike, fc.string()), (raw) => {
        const once = normalisePhone(raw);

        expect(normalisePhone(once)).toBe(once);
        expect(once === null || /^\d{10,12}$/.test(once)).toBe(true);
      }),
    );
  });
});
