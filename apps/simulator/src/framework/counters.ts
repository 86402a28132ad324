/** What a department received, for tests and benchmarks to compare with what the hub sent. */
export class Counters {
  private readonly values = new Map<string, number>();

  /** Usual names: calls, applied, duplicatesRefused, rejected, faultsInjected. */
  add(name: string, by = 1): void {
    this.values.set(name, (this.values.get(name) ?? 0) + by);
  }

  get(name: string): number {
    return this.values.get(name) ?? 0;
  }

  snapshot(): Record<string, number> {
    return { calls: 0, applied: 0, duplicatesRefused: 0, rejected: 0, ...Object.fromEntries(this.values) };
  }

  reset(): void {
    this.values.clear();
  }
}
