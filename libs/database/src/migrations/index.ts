import { UnifiedRecord1764200000000 } from './1764200000000-unified-record';

/** Listed explicitly (no glob) so the compiled apps find them wherever they run from. */
export const MIGRATIONS = [UnifiedRecord1764200000000];
