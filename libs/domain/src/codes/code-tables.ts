/** Every table by a URL-friendly name, so `/api/codes/:name` can serve the console's lists. */
import { CodeTable } from './code-table';
import { DISTRICTS, RELATION_TO_HEAD } from './household-codes';
import {
  ASSISTANCE_TYPE,
  CORRECTIONS_TYPE,
  EMPLOYMENT_STATUS,
  HOUSEHOLD_STATUS,
  HOUSEHOLD_TYPE,
  LIFE_STATUS,
  LIVING_STATUS,
  PENSION_STATUS,
  REGISTRATION_TYPE,
  RESIDENCE_STATUS,
} from './hub-codes';
import {
  DISABILITY_GRADE,
  DISABILITY_TYPE,
  EDUCATION,
  ETHNICITY,
  GENDER,
  MARITAL_STATUS,
  POLITICAL_STATUS,
} from './person-codes';

/**
 * Look a name from a URL up with `Object.hasOwn(CODE_TABLES, name)` first, for the same reason
 * as `isCode`: `constructor` is not a table.
 */
export const CODE_TABLES = Object.freeze({
  gender: GENDER,
  'marital-status': MARITAL_STATUS,
  ethnicity: ETHNICITY,
  'relation-to-head': RELATION_TO_HEAD,
  education: EDUCATION,
  'political-status': POLITICAL_STATUS,
  'disability-type': DISABILITY_TYPE,
  'disability-grade': DISABILITY_GRADE,
  districts: DISTRICTS,
  'registration-type': REGISTRATION_TYPE,
  'life-status': LIFE_STATUS,
  'residence-status': RESIDENCE_STATUS,
  'household-type': HOUSEHOLD_TYPE,
  'household-status': HOUSEHOLD_STATUS,
  'living-status': LIVING_STATUS,
  'employment-status': EMPLOYMENT_STATUS,
  'pension-status': PENSION_STATUS,
  'assistance-type': ASSISTANCE_TYPE,
  'corrections-type': CORRECTIONS_TYPE,
} satisfies Record<string, CodeTable>);

export type CodeTableName = keyof typeof CODE_TABLES;
