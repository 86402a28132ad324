import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks; 100 a second on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

/** CPU seconds a process has used (user + system, its waited-for children included). */
function processSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    return (utime + stime + cutime + cstime) / TICKS_PER_SECOND;
  } catch {
    return 0; // Gone meanwhile: its time is in its parent's children figures.
  }
}

/** Every process whose command name is `name` (postgres backends, redis-server). */
function pidsNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
}

export type CpuSample = Record<string, number>;

/**
 * CPU seconds used so far by each part of the run: the named child processes, this process
 * (the API and the load), and PostgreSQL and Redis as a whole (other users of them count too).
 */
export function sampleCpu(children: Record<string, number | undefined>): CpuSample {
  const sample: CpuSample = { 'api+load': processSeconds(process.pid) };
  for (const [label, pid] of Object.entries(children)) sample[label] = pid ? processSeconds(pid) : 0;
  sample.postgresql = pidsNamed('postgres').reduce((sum, pid) => sum + processSeconds(pid), 0);
  sample.redis = pidsNamed('redis-server').reduce((sum, pid) => sum + processSeconds(pid), 0);
  return sample;
}

/** `label 12.3 s (4.5 ms/delivery)` for each part, between two samples. */
export function describeCpu(before: CpuSample, after: CpuSample, deliveries: number): string {
  return Object.keys(after)
    .map((label) => {
      const used = Math.max(0, after[label] - (before[label] ?? 0));
      const per = deliveries > 0 ? ` (${((used * 1000) / deliveries).toFixed(2)} ms/delivery)` : '';
      return `${label} ${used.toFixed(1)} s${per}`;
    })
    .join(', ');
}
