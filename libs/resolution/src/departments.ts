/**
 * The parts of resolution that reach the department systems through their connectors: the
 * import, the promotion into the unified record (go-live) and the matching of department changes.
 * The worker, the CLI and the benches load them from `@hub/resolution/departments`; the api
 * imports `@hub/resolution`, which loads no connector (dependency-cruiser holds it to that).
 */
export * from './import.service';
export * from './inbound-matcher.service';
export * from './inbound-person';
export * from './promotion/promotion.service';
