import { ageOn, parseCitizenId, type HouseholdSnapshot, type ResidentSnapshot } from '@hub/domain';
import { ConnectorError } from '../common';
import type { CommunityFigures } from './statistics.types';

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The report's cut-off: the last day of the period (`2025-06` → `2025-06-30`). */
export function periodCutoff(period: string): string {
  const match = PERIOD.exec(period);
  if (!match) throw new ConnectorError('invalid', `period must be yyyy-MM, not ${period}`);
  const lastDay = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
  return `${period}-${String(lastDay).padStart(2, '0')}`;
}

const dayOf = (cutoff: Date | string): string =>
  typeof cutoff === 'string'
    ? cutoff.slice(0, 10)
    : `${cutoff.getFullYear()}-${String(cutoff.getMonth() + 1).padStart(2, '0')}-${String(cutoff.getDate()).padStart(2, '0')}`;

/**
 * Living in the community on the cut-off day: born by then, and not dead or moved out by then. A
 * death or move registered later but dated after the cut-off still counts the resident, so the
 * report for a past month comes out the same whenever it is made again.
 */
export function countedOn(resident: ResidentSnapshot, day: string): boolean {
  if (resident.birthDate > day) return false;
  if (resident.lifeStatus === 'deceased' && (resident.deathDate === null || resident.deathDate <= day))
    return false;
  if (
    resident.residenceStatus === 'moved_out' &&
    (resident.movedOutOn === null || resident.movedOutOn <= day)
  ) {
    return false;
  }
  return true;
}

/**
 * Male or female, as the form knows only these two. A gender recorded as unknown (`0`/`9`) is
 * read from the ID number (odd sequence = male); with neither, the report cannot be true and is
 * not made (invalid: the record must be completed first).
 */
function sexOf(resident: ResidentSnapshot, day: string): 'male' | 'female' {
  if (resident.gender === '1') return 'male';
  if (resident.gender === '2') return 'female';
  const parsed = resident.idNumber
    ? parseCitizenId(resident.idNumber, new Date(`${day}T23:59:59`))
    : undefined;
  if (parsed?.ok) return parsed.id.gender === '1' ? 'male' : 'female';
  throw new ConnectorError('invalid', `resident ${resident.id} has no gender for the ${day} report`);
}

/**
 * The monthly 社区基本情况统计表 of one community from snapshots of its residents and households,
 * at the cut-off (by default the last day of the period). Pure: the same snapshots give the same
 * figures. Definitions (every person figure counts only residents living there on the cut-off day,
 * see `countedOn`; ages are whole years on that day):
 * - population: every counted resident (registered, floating and overseas alike);
 * - male / female: by gender (unknown genders read from the ID number); they sum to population;
 * - registered / floating: by registration type (户籍 / 流动); overseas residents are in neither;
 * - age0to14, age15to59, age60plus: the three bands sum to population; age80plus is within 60plus;
 * - disabled: holding a disability record (type and grade);
 * - households: active households with at least one counted member;
 * - dibaoHouseholds: such households with 低保 assistance (not 低保边缘, not 特困);
 * - dibaoPersons: counted residents who belong to one of those households;
 * - unemployed: counted residents whose employment status is `2` 失业.
 */
export function communityReport(
  residents: ResidentSnapshot[],
  households: HouseholdSnapshot[],
  period: string,
  cutoff: Date | string = periodCutoff(period),
): CommunityFigures {
  const day = dayOf(cutoff);
  const counted = residents.filter((resident) => countedOn(resident, day));
  const householdOf = (r: ResidentSnapshot) => r.household?.householdId;
  const inhabited = new Set(counted.map(householdOf));
  const active = households.filter((h) => h.status === 'active' && inhabited.has(h.id));
  const dibao = new Set(active.filter((h) => h.assistance?.type === 'dibao').map((h) => h.id));
  const ages = counted.map((r) => ageOn(r.birthDate, day));
  const count = (test: (r: ResidentSnapshot, i: number) => boolean) => counted.filter(test).length;

  return {
    period,
    households: active.length,
    population: counted.length,
    male: count((r) => sexOf(r, day) === 'male'),
    female: count((r) => sexOf(r, day) === 'female'),
    registered: count((r) => r.registrationType === 'registered'),
    floating: count((r) => r.registrationType === 'floating'),
    age0to14: count((_r, i) => ages[i] <= 14),
    age15to59: count((_r, i) => ages[i] >= 15 && ages[i] <= 59),
    age60plus: count((_r, i) => ages[i] >= 60),
    age80plus: count((_r, i) => ages[i] >= 80),
    disabled: count((r) => r.disability !== null),
    dibaoHouseholds: dibao.size,
    dibaoPersons: count((r) => dibao.has(householdOf(r) ?? '')),
    unemployed: count((r) => r.employmentStatus === '2'),
  };
}
