import { normaliseGender } from './gender';

describe(normaliseGender.name, () => {
  it.each([
    ['1', '1'],
    [1, '1'],
    ['男', '1'],
    [' 男性 ', '1'],
    ['M', '1'],
    ['m', '1'],
    ['male', '1'],
    ['Male', '1'],
    ['２', '2'],
    [2, '2'],
    ['女', '2'],
    ['F', '2'],
    ['female', '2'],
  ])('reads %j as %j', (raw, gender) => {
    expect(normaliseGender(raw)).toBe(gender);
  });

  it.each([['0'], ['9'], ['unknown'], [''], ['未知'], [null], [undefined], [true]])(
    'gives null for %j',
    (raw) => {
      expect(normaliseGender(raw)).toBeNull();
    },
  );

  it('is idempotent', () => {
    for (const raw of ['男', 'F', 'unknown']) {
      const once = normaliseGender(raw);

      expect(normaliseGender(once)).toBe(once);
    }
  });
});
