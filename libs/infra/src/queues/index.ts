export * from './queue-names';
export * from './delivery-jobs';
export * from './departments';
export * from './console-jobs';
