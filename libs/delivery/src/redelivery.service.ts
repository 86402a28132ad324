import { Injectable } from '@nestjs/common';
import type { SubjectSnapshot } from '@hub/domain';
import { DeliveryQueues } from './delivery-queues.service';
import { LedgerService } from '@hub/ledger';

/**
 * Sends subjects to a system again, whatever it was last sent: the link forgets the version it
 * holds (and, when `settle`, a go-live dispute over whether the system should hold the subject at
 * all), the current version is re-opened in the ledger and queued. The delivery then decides by
 * the system's rule, as for any change.
 */
@Injectable()
export class RedeliveryService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly queues: DeliveryQueues,
  ) {}

  async redeliver(
    system: string,
    subjects: readonly SubjectSnapshot[],
    options: { assumeHeld?: boolean; settle?: boolean } = {},
  ): Promise<number> {
    for (const subject of subjects) await this.ledger.reopen([system], subject, options);
    await this.queues.enqueue(subjects.map((s) => ({ system, subjectType: s.type, subjectId: s.id })));
    return subjects.length;
  }
}
