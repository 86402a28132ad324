import { parseCitizenId } from '@hub/domain';

/**
 * Departments that know only male and female (男/女, M/F, 1/2). The unified record may hold
 * GB/T 2261.1 `0` unknown or `9` unspecified; the ID number then states the gender (odd
 * sequence = male), which is the standard's own rule, not a guess. Null when neither tells.
 */
export function binaryGender(code: string, idNumber: string | null): 'male' | 'female' | null {
  if (code === '1') return 'male';
  if (code === '2') return 'female';
  if (!idNumber) return null;
  const parsed = parseCitizenId(idNumber);
  if (!parsed.ok) return null;
  return parsed.id.gender === '1' ? 'male' : 'female';
}
