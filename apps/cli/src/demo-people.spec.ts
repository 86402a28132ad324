import { citizenIdConsistency, parseCitizenId } from '@hub/domain';
import { demoHouseholds } from './demo-people';

describe(demoHouseholds.name, () => {
  const sut = [1, 2, 3, 4, 5].flatMap((seed) => demoHouseholds('320402002001', 40, seed));

  it('gives every member a valid ID number that agrees with the birth date and gender', () => {
    const members = sut.flatMap((h) => h.members);
    expect(members.length).toBeGreaterThan(300);
    const problems = members.flatMap((m) => {
      const parsed = parseCitizenId(m.idNumber ?? '');
      if (!parsed.ok) return [`${m.name}: ${parsed.message}`];
      return citizenIdConsistency(parsed.id, { birthDate: m.birthDate, gender: m.gender }).map(
        (p) => `${m.name}: ${p.message}`,
      );
    });
    expect(problems).toEqual([]);
  });

  it('never dates a birth in the future and never repeats an ID number', () => {
    const today = new Date().toISOString().slice(0, 10);
    const members = sut.flatMap((h) => h.members);
    expect(members.filter((m) => m.birthDate > today)).toEqual([]);
    expect(new Set(members.map((m) => m.idNumber)).size).toBe(members.length);
  });

  it('is the same on every run', () => {
    expect(demoHouseholds('320402002001', 5, 7)).toEqual(demoHouseholds('320402002001', 5, 7));
  });
});
