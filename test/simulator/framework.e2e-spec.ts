import { startSimulator, type RunningSimulator } from './support';

describe('The simulator framework', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator('framework');
  });
  afterAll(() => sim.stop());

  it('runs every HTTP department on its own port, behind one control endpoint', async () => {
    const described = (await (await fetch(`${sim.controlUrl}/control`)).json()) as Array<{
      slug: string;
      port: number | null;
    }>;
    expect(described).toHaveLength(12);
    const ports = described.map((d) => d.port).filter((p): p is number => p !== null);
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports.length).toBeGreaterThanOrEqual(11);
  });

  it('refuses connections while a department is down, and answers again when it is up', async () => {
    const url = sim.urls['civil-assistance'];
    await sim.faults('civil-assistance', { down: true });
    await expect(fetch(url)).rejects.toThrow();
    await sim.faults('civil-assistance', { down: false });
    const res = await fetch(url);
    expect(res.status).toBeLessThan(600);
  });

  it('fails the configured share of calls and counts every call', async () => {
    await sim.faults('aging-services', { errorRate: 1 });
    const before = await sim.counters('aging-services');
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () => fetch(sim.urls['aging-services']).then((r) => r.status)),
    );
    await sim.faults('aging-services', { errorRate: 0 });
    const after = await sim.counters('aging-services');
    expect(statuses.every((s) => s >= 500)).toBe(true);
    expect(after.calls - before.calls).toBe(5);
    expect(after.faultsInjected - (before.faultsInjected ?? 0)).toBe(5);
  });

  it('delays answers by the configured time', async () => {
    await sim.faults('disability', { delayMs: 300 });
    const started = Date.now();
    await fetch(sim.urls.disability);
    const elapsed = Date.now() - started;
    await sim.faults('disability', { delayMs: 0 });
    expect(elapsed).toBeGreaterThanOrEqual(290);
  });

  it('leaves a call unanswered when told to time out', async () => {
    await sim.faults('statistics', { timeoutRate: 1 });
    const call = fetch(sim.urls.statistics, { signal: AbortSignal.timeout(500) });
    await expect(call).rejects.toThrow();
    await sim.faults('statistics', { timeoutRate: 0 });
  });
});
