import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { OutboxSubject } from '@hub/database';
import {
  FANOUT_JOB_OPTIONS,
  fanoutJobId,
  HubConfig,
  JobName,
  QueueName,
  type RouteEventPayload,
} from '@hub/infra';
import type { Queue } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';

/** Rows per transaction: large enough to keep up with bursts, small enough to hold locks briefly. */
export const RELAY_BATCH_SIZE = 500;
/** A dispatched event older than this whose job is gone from Redis is considered lost. */
export const LOST_JOB_AGE_MS = 2 * 60_000;

interface OutboxRow {
  id: string;
  kind: string;
  source: string;
  subjects: OutboxSubject[];
  correlation_id: string | null;
}

/**
 * Moves outbox rows to the BullMQ fan-out queue. Delivery is at-least-once on our side and
 * deduplicated on BullMQ's side by the job id derived from the event id, so a crash between
 * enqueue and mark, or two relays racing, never produces a second job.
 */
@Injectable()
export class OutboxRelayService {
  private readonly sentinelKey: string;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Fanout) private readonly queue: Queue,
    private readonly config: HubConfig,
    @InjectPinoLogger(OutboxRelayService.name) private readonly logger: PinoLogger,
  ) {
    this.sentinelKey = `${config.QUEUE_PREFIX}:relay:epoch`;
  }

  /** One wake-up: re-drive if Redis lost its data, then relay until a batch comes back short. */
  async drain(): Promise<number> {
    await this.redriveIfRedisLost();
    let relayed = 0;
    for (;;) {
      const count = await this.relayBatch();
      relayed += count;
      if (count < RELAY_BATCH_SIZE) break;
    }
    if (relayed > 0) this.logger.debug({ relayed }, 'outbox events relayed');
    return relayed;
  }

  /**
   * Scans for undispatched rows rather than reading past a high-water mark: a transaction that
   * commits after a higher id was relayed is still found. SKIP LOCKED lets several relays share
   * the table without waiting for each other.
   */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT id, kind, source, subjects, correlation_id FROM outbox_event
          WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [RELAY_BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      await this.queue.addBulk(
        rows.map((row) => ({
          name: JobName.RouteEvent,
          data: toPayload(row),
          opts: { ...FANOUT_JOB_OPTIONS, jobId: fanoutJobId(row.id) },
        })),
      );
      if (this.config.RELAY_CRASH_POINT === 'after-enqueue') {
        // Test-only: a real crash in the one window where a naive relay would lose or double events.
        process.kill(process.pid, 'SIGKILL');
      }
      await tx.query(
        `UPDATE outbox_event SET dispatched_at = now(), dispatch_count = dispatch_count + 1
          WHERE id = ANY($1::bigint[])`,
        [rows.map((row) => row.id)],
      );
      return rows.length;
    });
  }

  /**
   * Redis restarted without persistence (or was flushed) if our sentinel is gone: every job that
   * was waiting there is lost, so every event not yet confirmed is made undispatched again.
   * Resetting before writing the sentinel means a crash in between only repeats the reset.
   */
  async redriveIfRedisLost(): Promise<number> {
    const redis = await this.queue.client;
    if ((await redis.get(this.sentinelKey)) !== null) return 0;
    // For UPDATE, TypeORM's postgres driver answers [rows, affected count].
    const [, reset] = await this.dataSource.query<[unknown, number]>(
      `UPDATE outbox_event SET dispatched_at = NULL
        WHERE confirmed_at IS NULL AND dispatched_at IS NOT NULL`,
    );
    await redis.set(this.sentinelKey, new Date().toISOString());
    this.logger.warn(
      { reset },
      'relay epoch missing in Redis (first start or Redis lost its data): re-driving',
    );
    return reset;
  }

  /**
   * Backstop for losses the sentinel cannot see (a partial loss, or a relay that marked rows
   * after Redis was wiped): old unconfirmed events whose job no longer exists are re-dispatched.
   */
  async sweepLostJobs(olderThanMs = LOST_JOB_AGE_MS): Promise<number> {
    let afterId = '0';
    let reset = 0;
    for (;;) {
      const rows: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM outbox_event
          WHERE confirmed_at IS NULL AND dispatched_at < now() - $1::int * interval '1 millisecond'
            AND id > $2 ORDER BY id LIMIT $3`,
        [olderThanMs, afterId, RELAY_BATCH_SIZE],
      );
      if (rows.length === 0) break;
      const jobs = await Promise.all(rows.map((row) => this.queue.getJob(fanoutJobId(row.id))));
      const lost = rows.filter((_, i) => !jobs[i]).map((row) => row.id);
      if (lost.length > 0) {
        // The age condition again: a row re-dispatched meanwhile has a fresh job and is left alone.
        const [, count] = await this.dataSource.query<[unknown, number]>(
          `UPDATE outbox_event SET dispatched_at = NULL
            WHERE id = ANY($1::bigint[]) AND confirmed_at IS NULL
              AND dispatched_at < now() - $2::int * interval '1 millisecond'`,
          [lost, olderThanMs],
        );
        reset += count;
      }
      afterId = rows[rows.length - 1].id;
      if (rows.length < RELAY_BATCH_SIZE) break;
    }
    if (reset > 0) this.logger.warn({ reset }, 'dispatched events had no job in Redis: re-driving');
    return reset;
  }
}

/** Ids and versions only: no personal data is written to Redis. */
function toPayload(row: OutboxRow): RouteEventPayload {
  return {
    eventId: row.id,
    kind: row.kind,
    source: row.source,
    subjects: row.subjects.map(({ type, id, version }) => ({ type, id, version })),
    ...(row.correlation_id ? { correlationId: row.correlation_id } : {}),
  };
}
