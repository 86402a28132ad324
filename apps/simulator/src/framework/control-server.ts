import express, { type Request, type Response } from 'express';
import type { Simulator } from './simulator';

const FAULT_KEYS = ['down', 'delayMs', 'errorRate', 'timeoutRate'] as const;

/**
 * The test and benchmark handle on the simulator, on its own port so that a department that is
 * "down" can still be brought back up.
 */
export function controlApp(simulator: Simulator): express.Express {
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  const entryOr404 = (req: Request, res: Response) => {
    const entry = simulator.get(String(req.params.slug));
    if (!entry) res.status(404).json({ message: `unknown department ${String(req.params.slug)}` });
    return entry;
  };

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/control', (_req, res) => {
    res.json(simulator.describe());
  });
  app.put('/control/:slug/faults', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const patch = Object.fromEntries(FAULT_KEYS.filter((k) => k in body).map((k) => [k, body[k]]));
    const settings = await simulator.setFaults(String(req.params.slug), patch);
    if (!settings) res.status(404).json({ message: 'unknown department' });
    else res.json(settings);
  });
  app.put('/control/:slug/clock', (req, res) => {
    const at = (req.body as { now?: string | null }).now ?? null;
    if (!simulator.setClock(String(req.params.slug), at))
      res.status(404).json({ message: 'unknown department' });
    else res.json({ now: simulator.get(String(req.params.slug))?.ctx.now().toISOString() });
  });
  app.get('/control/:slug/counters', (req, res) => {
    const entry = entryOr404(req, res);
    if (entry) res.json(entry.ctx.counters.snapshot());
  });
  app.post('/control/:slug/counters/reset', (req, res) => {
    const entry = entryOr404(req, res);
    if (entry) {
      entry.ctx.counters.reset();
      res.json({ ok: true });
    }
  });
  app.get('/control/:slug/records', async (req, res) => {
    const entry = entryOr404(req, res);
    if (!entry) return;
    if (!entry.department.dump) res.status(404).json({ message: 'this department has no dump' });
    else res.json(await entry.department.dump(entry.ctx));
  });
  app.post('/control/:slug/simulate/:action', async (req, res) => {
    const entry = entryOr404(req, res);
    if (!entry) return;
    if (!entry.department.simulate) {
      res.status(404).json({ message: 'this department simulates nothing' });
      return;
    }
    try {
      res.json(
        (await entry.department.simulate(entry.ctx, String(req.params.action), req.body)) ?? { ok: true },
      );
    } catch (error) {
      res.status(400).json({ message: (error as Error).message });
    }
  });
  return app;
}
