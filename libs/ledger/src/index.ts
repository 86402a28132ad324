/**
 * The delivery ledger and links: what the hub owes each department system, what each holds
 * (system_link) and the operators' switches per system. Shared by the worker, which delivers, and
 * the api, which reads it and re-opens rows; it loads no connector.
 */
export * from './ledger-status';
export * from './delivery-ledger.repository';
export * from './system-link.repository';
export * from './connector-state.repository';
export * from './ledger.service';
