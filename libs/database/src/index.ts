import './pg-types';
export * from './data-source';
export * from './entities';
export * from './migrations';
export * from './migrate';
export * from './prepare';
