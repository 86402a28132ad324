/** The console's two chart ranges: per minute over the last hour, per 15 minutes over the last day. */
export const METRIC_RANGES = {
  hour: { bucketSeconds: 60, count: 60 },
  day: { bucketSeconds: 900, count: 96 },
} as const;

export type MetricRange = keyof typeof METRIC_RANGES;

/**
 * Bucket start times, oldest first, aligned to whole buckets (epoch-based, so 15-minute buckets
 * start at :00, :15, :30, :45); the last bucket is the one `now` falls in.
 */
export function bucketStarts(range: MetricRange, now: Date): Date[] {
  const { bucketSeconds, count } = METRIC_RANGES[range];
  const size = bucketSeconds * 1000;
  const last = Math.floor(now.getTime() / size) * size;
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * size));
}

/** The bucket a moment falls in, or undefined outside the range (a clock a little ahead). */
export function bucketIndex(starts: Date[], bucketSeconds: number, at: Date): number | undefined {
  const index = Math.floor((at.getTime() - starts[0].getTime()) / (bucketSeconds * 1000));
  return index >= 0 && index < starts.length ? index : undefined;
}
