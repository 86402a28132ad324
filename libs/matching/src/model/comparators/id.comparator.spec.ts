import { makeCitizenId } from '@hub/domain';
import { preparedPerson } from '../synthetic/source-person.fixture';
import { compareIds } from './id.comparator';

const ID = makeCitizenId('320402', '1985-03-07', 123);
const withId = (idNumber: string | null, idValid = true) => preparedPerson({ idNumber, idValid });
/** Replaces the character at `position`. */
const typo = (id: string, position: number, character: string) =>
  id.slice(0, position) + character + id.slice(position + 1);

describe(compareIds.name, () => {
  it('is equal for the same number', () => {
    expect(compareIds(withId(ID), withId(ID))).toBe('equal');
  });

  it('is near for one mistyped sequence digit', () => {
    const mistyped = typo(ID, 15, ID[15] === '9' ? '8' : '9');
    expect(compareIds(withId(ID), withId(mistyped, false))).toBe('near');
  });

  it('is near for a wrong check character and for two swapped neighbours', () => {
    expect(compareIds(withId(ID), withId(typo(ID, 17, ID[17] === '0' ? '1' : '0'), false))).toBe('near');
    const swapped = ID.slice(0, 14) + ID[15] + ID[14] + ID.slice(16);
    expect(compareIds(withId(ID), withId(swapped, false))).toBe('near');
  });

  it('is different when the slip is in the birth-date part', () => {
    expect(compareIds(withId(ID), withId(typo(ID, 12, '1'), false))).toBe('different');
  });

  it('is different for twins: same region and birthday, another sequence and check', () => {
    const twin = makeCitizenId('320402', '1985-03-07', 125);
    expect(compareIds(withId(ID), withId(twin))).toBe('different');
  });

  it('is missing when either side has no number', () => {
    expect(compareIds(withId(ID), withId(null))).toBe('missing');
  });
});
