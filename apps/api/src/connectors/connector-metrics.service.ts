import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import { bucketIndex, bucketStarts, METRIC_RANGES, type MetricRange } from './metric-buckets';

const SYSTEMS: string[] = DEPARTMENT_SYSTEMS.map((s) => s.slug);

/** A system is shown as down when its last this-many attempted deliveries all failed temporarily. */
export const DOWN_AFTER = 3;

export interface SystemSeries {
  confirmed: number[];
  failed: number[];
  p95LatencyMs: Array<number | null>;
}

export interface MetricSeries {
  range: MetricRange;
  bucketSeconds: number;
  buckets: string[];
  systems: Record<string, SystemSeries>;
}

export interface RecentStats {
  deliveriesLastMinute: number;
  p95LatencyMs: number | null;
  errorRate: number | null;
  down: boolean;
}

// Deliveries that happened: a department's own change ('origin') and rows that never concerned
// the system are not deliveries. `status <> 'not_relevant'` also lets PostgreSQL use ix_delivery_recent.
const DELIVERED = `system = ANY($1) AND status <> 'not_relevant' AND action IS DISTINCT FROM 'origin'`;
const P95 = `percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM updated_at - created_at) * 1000)`;

const ms = (value: number | string | null): number | null =>
  value === null ? null : Math.round(Number(value));

/**
 * What the ledger says about each system's recent work: outcomes and latency per time bucket
 * (latency = from the ledger row's creation to its confirmation), and the overview's figures.
 */
@Injectable()
export class ConnectorMetrics {
  constructor(private readonly db: DataSource) {}

  async series(range: MetricRange, now = new Date()): Promise<MetricSeries> {
    const { bucketSeconds } = METRIC_RANGES[range];
    const starts = bucketStarts(range, now);
    const rows: Array<{
      system: string;
      bucket: Date;
      confirmed: number;
      failed: number;
      p95: number | null;
    }> = await this.db.query(
      `SELECT system, date_bin(make_interval(secs => $2), updated_at, $3::timestamptz) AS bucket,
                count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
                count(*) FILTER (WHERE status = 'failed')::int AS failed,
                ${P95} FILTER (WHERE status = 'confirmed') AS p95
           FROM delivery
          WHERE ${DELIVERED} AND status IN ('confirmed', 'failed') AND updated_at >= $3
          GROUP BY 1, 2`,
      [SYSTEMS, bucketSeconds, starts[0]],
    );
    const systems: Record<string, SystemSeries> = Object.fromEntries(
      SYSTEMS.map((slug) => [
        slug,
        {
          confirmed: starts.map(() => 0),
          failed: starts.map(() => 0),
          p95LatencyMs: starts.map((): number | null => null),
        },
      ]),
    );
    for (const row of rows) {
      const i = bucketIndex(starts, bucketSeconds, new Date(row.bucket));
      const series = systems[row.system];
      if (i === undefined || !series) continue;
      series.confirmed[i] = row.confirmed;
      series.failed[i] = row.failed;
      series.p95LatencyMs[i] = ms(row.p95);
    }
    return { range, bucketSeconds, buckets: starts.map((d) => d.toISOString()), systems };
  }

  /**
   * Per system: confirmations in the last minute, p95 latency over the last 15 minutes, the share
   * of final failures among outcomes of the last hour, and whether it looks down: its last
   * DOWN_AFTER attempted deliveries (within the hour) all ended in a temporary error — the
   * department did not answer, timed out or answered 5xx — and none was confirmed since.
   */
  async recent(): Promise<Map<string, RecentStats>> {
    const [stats, down] = await Promise.all([
      this.db.query<
        Array<{ system: string; last_minute: number; p95: number | null; confirmed: number; failed: number }>
      >(
        `SELECT system,
                count(*) FILTER (WHERE status = 'confirmed' AND updated_at >= now() - interval '1 minute')::int AS last_minute,
                ${P95} FILTER (WHERE status = 'confirmed' AND updated_at >= now() - interval '15 minutes') AS p95,
                count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
                count(*) FILTER (WHERE status = 'failed')::int AS failed
           FROM delivery
          WHERE ${DELIVERED} AND updated_at >= now() - interval '1 hour'
          GROUP BY system`,
        [SYSTEMS],
      ),
      this.db.query<Array<{ system: string; down: boolean }>>(
        `SELECT s.system, count(*) = $2 AND bool_and(d.error_kind IS NOT DISTINCT FROM 'temporary') AS down
           FROM unnest($1::text[]) AS s(system)
           CROSS JOIN LATERAL (
             SELECT error_kind FROM delivery
              WHERE system = s.system AND status <> 'not_relevant' AND action IS DISTINCT FROM 'origin'
                AND attempts > 0 AND updated_at >= now() - interval '1 hour'
              ORDER BY updated_at DESC LIMIT $2) d
          GROUP BY s.system`,
        [SYSTEMS, DOWN_AFTER],
      ),
    ]);
    return new Map(
      SYSTEMS.map((slug) => {
        const s = stats.find((r) => r.system === slug);
        const outcomes = (s?.confirmed ?? 0) + (s?.failed ?? 0);
        return [
          slug,
          {
            deliveriesLastMinute: s?.last_minute ?? 0,
            p95LatencyMs: ms(s?.p95 ?? null),
            errorRate: outcomes > 0 ? Number(((s?.failed ?? 0) / outcomes).toFixed(4)) : null,
            down: down.some((d) => d.system === slug && d.down),
          },
        ];
      }),
    );
  }
}
