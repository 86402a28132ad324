import { Injectable } from '@nestjs/common';
import type { RouteEventPayload } from '@hub/infra';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';

/** Stored as the job's return value, so an operator can see which runs were redeliveries. */
export type RouteOutcome = 'routed' | 'already-routed';

/** The work behind a fan-out job, kept out of the processor so tests can call it directly. */
@Injectable()
export class FanoutService {
  constructor(private readonly dataSource: DataSource) {}

  async route(event: RouteEventPayload): Promise<RouteOutcome> {
    const [row] = await this.dataSource.query<Array<{ confirmed_at: Date | null } | undefined>>(
      'SELECT confirmed_at FROM outbox_event WHERE id = $1',
      [event.eventId],
    );
    if (!row) {
      // The event is not in this database (wrong prefix or database pairing): retrying cannot help.
      throw new UnrecoverableError(`outbox event ${event.eventId} does not exist`);
    }
    if (row.confirmed_at !== null) {
      // A worker died after confirming and before BullMQ recorded the job as completed, so BullMQ
      // runs it again (stalled-job recovery). Confirmation is written last, so routing is complete.
      return 'already-routed';
    }

    // ROUTER PLUGS IN HERE. For each subject it will decide which connectors cover it and enqueue
    // one delivery job per (connector, subject, version) with a deterministic job id, so a run
    // that dies before confirming can simply be repeated. Confirmation must stay last.

    // confirm_count counts completed routings: above 1 means the event was routed twice.
    await this.dataSource.query(
      `UPDATE outbox_event SET confirmed_at = COALESCE(confirmed_at, now()), confirm_count = confirm_count + 1
        WHERE id = $1`,
      [event.eventId],
    );
    return 'routed';
  }
}
