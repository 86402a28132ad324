import { bucketIndex, bucketStarts, METRIC_RANGES } from './metric-buckets';

describe(bucketStarts.name, () => {
  const now = new Date('2026-03-01T10:37:42.500Z');

  it('covers the last hour minute by minute, ending with the current minute', () => {
    const sut = bucketStarts('hour', now);
    expect(sut).toHaveLength(60);
    expect(sut[59].toISOString()).toBe('2026-03-01T10:37:00.000Z');
    expect(sut[0].toISOString()).toBe('2026-03-01T09:38:00.000Z');
  });

  it('covers the last day in quarter hours aligned to :00, :15, :30 and :45', () => {
    const sut = bucketStarts('day', now);
    expect(sut).toHaveLength(96);
    expect(sut[95].toISOString()).toBe('2026-03-01T10:30:00.000Z');
    expect(sut[0].toISOString()).toBe('2026-02-28T10:45:00.000Z');
    expect(sut.every((d) => d.getUTCMinutes() % 15 === 0 && d.getUTCSeconds() === 0)).toBe(true);
  });
});

describe(bucketIndex.name, () => {
  const starts = bucketStarts('hour', new Date('2026-03-01T10:37:42Z'));
  const size = METRIC_RANGES.hour.bucketSeconds;

  it('places a moment in the bucket it falls in', () => {
    expect(bucketIndex(starts, size, new Date('2026-03-01T10:37:59Z'))).toBe(59);
    expect(bucketIndex(starts, size, new Date('2026-03-01T09:38:00Z'))).toBe(0);
    expect(bucketIndex(starts, size, new Date('2026-03-01T10:00:30Z'))).toBe(22);
  });

  it('leaves out moments before the range or after its last bucket', () => {
    expect(bucketIndex(starts, size, new Date('2026-03-01T09:37:59Z'))).toBeUndefined();
    expect(bucketIndex(starts, size, new Date('2026-03-01T10:38:00Z'))).toBeUndefined();
  });
});
