import type { Department } from '../framework';
import { policePopulation } from './police-population';
import { civilAssistance } from './civil-assistance';
import { agingServices } from './aging-services';
import { familyPlanning } from './family-planning';
import { publicHealth } from './public-health';
import { employment } from './employment';
import { socialInsurance } from './social-insurance';
import { disability } from './disability';
import { justiceCorrections } from './justice-corrections';
import { militiaConscription } from './militia-conscription';
import { gridGovernance } from './grid-governance';
import { statistics } from './statistics';

/** The twelve systems, in the spec's order (their ports are SIM_BASE_PORT + 1 … + 12). */
export const DEPARTMENTS: Department[] = [
  policePopulation,
  civilAssistance,
  agingServices,
  familyPlanning,
  publicHealth,
  employment,
  socialInsurance,
  disability,
  justiceCorrections,
  militiaConscription,
  gridGovernance,
  statistics,
];
