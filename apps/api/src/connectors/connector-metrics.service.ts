import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import { ConnectorMetricsRepository } from './connector-metrics.repository';
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

const ms = (value: number | string | null): number | null =>
  value === null ? null : Math.round(Number(value));

/**
 * What the ledger says about each system's recent work: outcomes and latency per time bucket
 * (latency = from the ledger row's creation to its confirmation), and the overview's figures.
 */
@Injectable()
export class ConnectorMetrics {
  private readonly ledger: ConnectorMetricsRepository;

  constructor(db: DataSource) {
    this.ledger = new ConnectorMetricsRepository(db);
  }

  async series(range: MetricRange, now = new Date()): Promise<MetricSeries> {
    const { bucketSeconds } = METRIC_RANGES[range];
    const starts = bucketStarts(range, now);
    const rows = await this.ledger.outcomesPerBucket(SYSTEMS, bucketSeconds, starts[0]);
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
      this.ledger.lastHour(SYSTEMS),
      this.ledger.down(SYSTEMS, DOWN_AFTER),
    ]);
    return new Map(
      SYSTEMS.map((slug) => {
        const s = stats.find((r) => r.system === slug);
        const outcomes = (s?.confirmed ?? 0) + (s?.failed ?? 0);
        return [
          slug,
          {
            deliveriesLastMinute: s?.lastMinute ?? 0,
            p95LatencyMs: ms(s?.p95 ?? null),
            errorRate: outcomes > 0 ? Number(((s?.failed ?? 0) / outcomes).toFixed(4)) : null,
            down: down.includes(slug),
          },
        ];
      }),
    );
  }
}
