import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Counters } from './counters';

/** Faults a test or benchmark switches on at run time. */
export interface FaultSettings {
  /** Refuse connections (the server stops listening). */
  down: boolean;
  /** Added to every answer, in milliseconds. */
  delayMs: number;
  /** Share of calls (0-1) answered with the system's own failure (500/503 or a protocol error). */
  errorRate: number;
  /** Share of calls (0-1) never answered. */
  timeoutRate: number;
}

export const NO_FAULTS: FaultSettings = { down: false, delayMs: 0, errorRate: 0, timeoutRate: 0 };

export class FaultState {
  settings: FaultSettings = { ...NO_FAULTS };

  update(patch: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...patch };
    return this.settings;
  }

  reset(): void {
    this.settings = { ...NO_FAULTS };
  }
}

const defaultFailure = (res: ServerResponse): void => {
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message: '系统繁忙，请稍后再试' }));
};

/** Wraps a department's handler with counting and the configured faults. */
export function withFaults(
  handler: RequestListener,
  faults: FaultState,
  counters: Counters,
  failure: (res: ServerResponse) => void = defaultFailure,
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    counters.add('calls');
    const { delayMs, errorRate, timeoutRate } = faults.settings;
    const roll = Math.random();
    if (roll < timeoutRate) {
      counters.add('faultsInjected');
      // Never answer; the client's own time-out must fire. The socket closes when the client gives up.
      req.resume();
      return;
    }
    const proceed = (): void => {
      if (roll < timeoutRate + errorRate) {
        counters.add('faultsInjected');
        req.resume();
        failure(res);
        return;
      }
      void handler(req, res);
    };
    if (delayMs > 0) setTimeout(proceed, delayMs);
    else proceed();
  };
}
