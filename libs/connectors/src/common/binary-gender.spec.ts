import { makeCitizenId } from '@hub/domain';
import { binaryGender } from './binary-gender';

describe(binaryGender.name, () => {
  it('translates the GB/T 2261.1 codes for male and female', () => {
    expect(binaryGender('1', null)).toBe('male');
    expect(binaryGender('2', null)).toBe('female');
  });

  it('reads an unknown or unspecified gender from the ID number', () => {
    expect(binaryGender('0', makeCitizenId('320402', '2000-01-01', 13))).toBe('male');
    expect(binaryGender('9', makeCitizenId('320402', '2000-01-01', 14))).toBe('female');
  });

  it('gives null when neither the code nor a valid ID number tells', () => {
    expect(binaryGender('0', null)).toBeNull();
    expect(binaryGender('9', '12345')).toBeNull();
  });
});
