/**
 * Runs `step` again and again: after each run it waits the delay the run returned (0 when work is
 * waiting, the idle interval otherwise), or `onErrorDelayMs` when it threw. Never two runs at once.
 */
export class RepeatingTask {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly step: () => Promise<number>,
    private readonly onError: (error: Error) => void,
    private readonly onErrorDelayMs: number,
  ) {}

  start(): void {
    const tick = (): void => {
      void this.step()
        .catch((error: Error) => {
          this.onError(error);
          return this.onErrorDelayMs;
        })
        .then((delay) => {
          if (!this.stopped) this.timer = setTimeout(tick, delay);
        });
    };
    tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
