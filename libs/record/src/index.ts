export * from './actor';
export * from './change-context';
export * from './change-writer';
export * from './household.service';
export * from './household-restructure.service';
export * from './inputs';
export * from './query.service';
export {
  RESIDENT_LIST_TAGS,
  RESIDENT_SORTS,
  type ResidentListTag,
  type ResidentSort,
} from './resident-list.repository';
export * from './record-error';
export * from './record.module';
export * from './resident.service';
export * from './snapshot.service';
export { residentsInSet, residentSnapshot } from './resident-snapshot.sql';
export * from './sql';
export * from './department-change.service';
export * from './membership';
