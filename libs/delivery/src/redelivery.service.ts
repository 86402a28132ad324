import { Injectable } from '@nestjs/common';
import type { SubjectSnapshot } from '@hub/domain';
import { DataSource } from 'typeorm';
import { DeliveryQueues } from './delivery-queues.service';
import { LedgerService } from './ledger.service';

/**
 * Sends subjects to a system again, whatever it was last sent: the link forgets the version it
 * holds (and, when `settle`, a go-live dispute over whether the system should hold the subject at
 * all), the current version is re-opened in the ledger and queued. The delivery then decides by
 * the system's rule, as for any change.
 */
@Injectable()
export class RedeliveryService {
  constructor(
    private readonly db: DataSource,
    private readonly ledger: LedgerService,
    private readonly queues: DeliveryQueues,
  ) {}

  async redeliver(
    system: string,
    subjects: readonly SubjectSnapshot[],
    options: { assumeHeld?: boolean; settle?: boolean } = {},
  ): Promise<number> {
    for (const subject of subjects) {
      await this.db.query(
        `UPDATE system_link SET delivered_version = 0,
                present = present OR $4, disputed = disputed AND NOT $5
          WHERE system = $1 AND subject_type = $2 AND subject_id = $3`,
        [system, subject.type, subject.id, !!options.assumeHeld, !!options.settle],
      );
      await this.ledger.record([
        {
          system,
          subjectType: subject.type,
          subjectId: subject.id,
          version: subject.version,
          eventId: '0',
          status: 'pending',
          action: 'upsert',
        },
      ]);
      await this.db.query(
        `UPDATE delivery SET status = 'pending', updated_at = now()
          WHERE system = $1 AND subject_type = $2 AND subject_id = $3 AND version = $4`,
        [system, subject.type, subject.id, subject.version],
      );
    }
    await this.queues.enqueue(subjects.map((s) => ({ system, subjectType: s.type, subjectId: s.id })));
    return subjects.length;
  }
}
