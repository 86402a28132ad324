import { UnifiedRecord1764200000000 } from './1764200000000-unified-record';
import { DeliveryLedger1764300000000 } from './1764300000000-delivery-ledger';
import { IdentityResolution1764400000000 } from './1764400000000-identity-resolution';
import { Console1764500000000 } from './1764500000000-console';
import { SourceRecordGoldenLink1764600000000 } from './1764600000000-source-record-golden-link';
import { GoLive1764700000000 } from './1764700000000-go-live';
import { ChangeReason1764800000000 } from './1764800000000-change-reason';
import { DeliveryWaiting1764900000000 } from './1764900000000-delivery-waiting';
import { SourceRecordResident1765000000000 } from './1765000000000-source-record-resident';

/** Listed explicitly (no glob) so the compiled apps find them wherever they run from. */
export const MIGRATIONS = [
  UnifiedRecord1764200000000,
  DeliveryLedger1764300000000,
  IdentityResolution1764400000000,
  Console1764500000000,
  SourceRecordGoldenLink1764600000000,
  GoLive1764700000000,
  ChangeReason1764800000000,
  DeliveryWaiting1764900000000,
  SourceRecordResident1765000000000,
];
