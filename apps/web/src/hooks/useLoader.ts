import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads once when `deps` change, and again every `intervalMs` if given (skipped while the tab is
 * hidden, never two requests at a time). Data stays on screen while it refreshes, so a polling
 * panel updates in place instead of flashing.
 */
export function useLoader<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
  intervalMs?: number,
): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const run = async (): Promise<void> => {
      if (!first && document.hidden) {
        schedule();
        return;
      }
      try {
        const value = await loadRef.current(controller.signal);
        if (controller.signal.aborted) return;
        setData(value);
        setError(undefined);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e instanceof ApiError ? e : new ApiError(0, '加载失败，请稍后再试'));
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
      first = false;
      schedule();
    };
    const schedule = (): void => {
      if (intervalMs && !controller.signal.aborted) timer = setTimeout(() => void run(), intervalMs);
    };
    setLoading(true);
    void run();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [...deps, intervalMs, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
