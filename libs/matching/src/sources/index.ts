/**
 * One extractor per person-holding system: a raw record as the connector's `exportAll()` yields
 * it → the persons it describes, normalised. `statistics` holds no persons and has none.
 * Extractors never throw on messy data: what cannot be read becomes null.
 */
import type { SourceHousehold, SourcePerson } from '../source-person';
import { AGING_SERVICES, toSourcePersons as agingServices } from './aging-services';
import { CIVIL_ASSISTANCE, toSourcePersons as civilAssistance } from './civil-assistance';
import { DISABILITY, toSourcePersons as disability } from './disability';
import { EMPLOYMENT, toSourcePersons as employment } from './employment';
import { FAMILY_PLANNING, toSourcePersons as familyPlanning } from './family-planning';
import {
  GRID_GOVERNANCE,
  toSourceHouseholds as gridHouses,
  toSourcePersons as gridGovernance,
} from './grid-governance';
import { JUSTICE_CORRECTIONS, toSourcePersons as justiceCorrections } from './justice-corrections';
import { MILITIA_CONSCRIPTION, toSourcePersons as militiaConscription } from './militia-conscription';
import { POLICE_POPULATION, toSourcePersons as policePopulation } from './police-population';
import { PUBLIC_HEALTH, toSourcePersons as publicHealth } from './public-health';
import { SOCIAL_INSURANCE, toSourcePersons as socialInsurance } from './social-insurance';

export { sourcePerson, type StatedPerson } from './fields';

export type SourceExtractor = (raw: Record<string, unknown>) => SourcePerson[];

export const SOURCE_EXTRACTORS = Object.freeze({
  [POLICE_POPULATION]: policePopulation,
  [CIVIL_ASSISTANCE]: civilAssistance,
  [AGING_SERVICES]: agingServices,
  [FAMILY_PLANNING]: familyPlanning,
  [PUBLIC_HEALTH]: publicHealth,
  [EMPLOYMENT]: employment,
  [SOCIAL_INSURANCE]: socialInsurance,
  [DISABILITY]: disability,
  [JUSTICE_CORRECTIONS]: justiceCorrections,
  [MILITIA_CONSCRIPTION]: militiaConscription,
  [GRID_GOVERNANCE]: gridGovernance,
} satisfies Record<string, SourceExtractor>);

export type PersonSystem = keyof typeof SOURCE_EXTRACTORS;

/** Own keys only: a slug from configuration or a URL must not find `constructor`. */
export const isPersonSystem = (slug: string): slug is PersonSystem =>
  Object.prototype.hasOwnProperty.call(SOURCE_EXTRACTORS, slug);

/** Systems that also hold households of their own (the grid platform's houses). */
export type HouseholdExtractor = (raw: Record<string, unknown>) => SourceHousehold[];

export const HOUSEHOLD_EXTRACTORS: Readonly<Partial<Record<PersonSystem, HouseholdExtractor>>> =
  Object.freeze({
    [GRID_GOVERNANCE]: gridHouses,
  });
