import { Injectable } from '@nestjs/common';
import type { RouteEventPayload } from '@hub/infra';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';

/** The work behind a fan-out job, kept out of the processor so tests can call it directly. */
@Injectable()
export class FanoutService {
  constructor(private readonly dataSource: DataSource) {}

  async route(event: RouteEventPayload): Promise<void> {
    // ROUTER PLUGS IN HERE. For each subject it will decide which connectors cover it and enqueue
    // one delivery job per (connector, subject) with a deterministic job id, so a redelivered
    // fan-out job adds nothing new. Confirmation must stay last: it promises that routing is done.
    const [, confirmed] = (await this.dataSource.query(
      `UPDATE outbox_event SET confirmed_at = COALESCE(confirmed_at, now()), confirm_count = confirm_count + 1
        WHERE id = $1`,
      [event.eventId],
    )) as [unknown, number];
    if (confirmed === 0) {
      // The event is not in this database (wrong prefix or database pairing): retrying cannot help.
      throw new UnrecoverableError(`outbox event ${event.eventId} does not exist`);
    }
  }
}
