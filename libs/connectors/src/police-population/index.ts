export {
  createPolicePopulationConnector,
  POLICE_POPULATION,
  POLICE_SERVICE_PATH,
} from './police-population.connector';
export type { PolicePopulationOptions, PoliceRyxx } from './police-population.types';
