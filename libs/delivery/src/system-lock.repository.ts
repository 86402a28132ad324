import type { QueryRunner } from 'typeorm';

/** What a worker does to one system that a second worker process must not do at the same time. */
export type SystemTask = 'inbound' | 'batch-flush';

/**
 * Per-system advisory locks. They are held by the database session, so the repository is built
 * on one query runner (one connection), and the lock is released on that same connection.
 */
export class SystemLockRepository {
  constructor(private readonly runner: QueryRunner) {}

  /** Takes the lock unless another session holds it; answers whether it was taken. */
  async tryLock(task: SystemTask, system: string): Promise<boolean> {
    const rows = (await this.runner.query(
      `SELECT pg_try_advisory_lock(hashtext('${task}:' || $1)) AS locked`,
      [system],
    )) as Array<{ locked: boolean }>;
    return !!rows[0]?.locked;
  }

  async unlock(task: SystemTask, system: string): Promise<void> {
    await this.runner.query(`SELECT pg_advisory_unlock(hashtext('${task}:' || $1))`, [system]);
  }
}
