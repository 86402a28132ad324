export * from './source-person';
export * from './normalise';
export * from './sources';
export * from './golden/golden-fields';
export * from './model';
