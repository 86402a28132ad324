import { msUntilWindowOpens } from './social-insurance.window';

describe(msUntilWindowOpens.name, () => {
  it.each([
    ['21:00 Beijing → one hour', '2025-09-01T21:00:00+08:00', 3_600_000],
    ['06:00 Beijing (window just closed) → 16 hours', '2025-09-01T06:00:00+08:00', 16 * 3_600_000],
    ['22:00 Beijing → open', '2025-09-01T22:00:00+08:00', 0],
    ['03:00 Beijing → open (after midnight)', '2025-09-02T03:00:00+08:00', 0],
    ['21:59:30 Beijing → 30 s', '2025-09-01T21:59:30+08:00', 30_000],
  ])('%s', (_label, now, expected) => {
    expect(msUntilWindowOpens(new Date(now), '22:00', '06:00')).toBe(expected);
  });
});
