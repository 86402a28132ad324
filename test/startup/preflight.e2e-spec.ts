import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { checkRedis, ensureDatabase, PreflightError } from '@hub/infra';
import { databaseUrl, TEST_PG_BASE } from '../support/test-env';
import { Client } from 'pg';

/** A port nobody listens on: bind, note the number, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Start-up checks', () => {
  let evictingRedis: ChildProcess | undefined;
  afterAll(async () => {
    const child = evictingRedis;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  });

  it('refuses a Redis whose maxmemory-policy would evict queued jobs, saying what to change', async () => {
    const port = await closedPort();
    evictingRedis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--maxmemory-policy', 'allkeys-lru'],
      {
        stdio: 'ignore',
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    const check = checkRedis(`redis://127.0.0.1:${port}`);
    await expect(check).rejects.toBeInstanceOf(PreflightError);
    await expect(check).rejects.toThrow(/maxmemory-policy.*allkeys-lru.*noeviction/);
  });

  it('names Redis when it does not answer', async () => {
    const port = await closedPort();
    await expect(checkRedis(`redis://127.0.0.1:${port}`)).rejects.toThrow(/Redis 未响应（127\.0\.0\.1:\d+）/);
  });

  it('names PostgreSQL when it does not answer', async () => {
    const port = await closedPort();
    await expect(ensureDatabase(`postgres://postgres@127.0.0.1:${port}/hub`)).rejects.toThrow(
      /PostgreSQL 未响应（127\.0\.0\.1:\d+）/,
    );
  });

  it('creates the database when it is missing, and accepts one that exists', async () => {
    const name = `hub_test_created_${Date.now().toString(36)}`;
    await ensureDatabase(databaseUrl(name));
    await ensureDatabase(databaseUrl(name));
    const admin = new Client({ connectionString: TEST_PG_BASE });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      expect(rowCount).toBe(1);
      await admin.query(`DROP DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
  });
});
