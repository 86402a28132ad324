export * from './districts';
export * from './streets';
export * from './communities';
export * from './grid-cells';
