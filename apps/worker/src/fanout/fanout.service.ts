import { Injectable } from '@nestjs/common';
import type { RouteEventPayload } from '@hub/infra';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { RouterService } from '@hub/delivery';

/** Stored as the job's return value, so an operator can see which runs were redeliveries. */
export type RouteOutcome = 'routed' | 'already-routed';

/** The work behind a fan-out job, kept out of the processor so tests can call it directly. */
@Injectable()
export class FanoutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly router: RouterService,
  ) {}

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

    // Routing is idempotent (ledger rows keyed by system, subject and version; one job id per
    // system and subject), so a run that dies before confirming is simply repeated.
    await this.router.route(event);

    // confirm_count counts completed routings: above 1 means the event was routed twice.
    await this.dataSource.query(
      `UPDATE outbox_event SET confirmed_at = COALESCE(confirmed_at, now()), confirm_count = confirm_count + 1
        WHERE id = $1`,
      [event.eventId],
    );
    return 'routed';
  }
}
