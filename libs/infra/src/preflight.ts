import { Client } from 'pg';
import IORedis from 'ioredis';
import { connect } from 'node:net';

/** A start-up check that failed: the message tells the operator what is missing and how to fix it. */
export class PreflightError extends Error {}

function describeDb(url: string): { target: string; database: string; adminUrl: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return { target: `${parsed.hostname}:${parsed.port || 5432}`, database, adminUrl: admin.toString() };
}

/** Creates the hub's database when it does not exist yet (a fresh machine needs no manual step). */
export async function ensureDatabase(url: string): Promise<void> {
  const { target, database, adminUrl } = describeDb(url);
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    throw new PreflightError(
      `PostgreSQL 未响应（${target}）：${(error as Error).message}。` +
        `请启动 PostgreSQL，或用 DATABASE_URL 指向可用的数据库。 (PostgreSQL does not answer at ${target})`,
    );
  }
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await admin
        .query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
        .catch((error: { code?: string }) => {
          // Another process created it between our check and our CREATE: that is fine.
          if (error.code !== '42P04') throw error;
        });
    }
  } finally {
    await admin.end();
  }
}

/**
 * BullMQ loses jobs silently if Redis evicts keys under memory pressure, so anything other than
 * `noeviction` is refused before a single job is written.
 */
const redisUnreachable = (target: string, error: unknown): PreflightError =>
  new PreflightError(
    `Redis 未响应（${target}）：${(error as Error).message}。请启动 Redis，或用 REDIS_URL 指向可用的 Redis。 (Redis does not answer at ${target})`,
  );

export async function checkRedis(url: string): Promise<void> {
  const target = new URL(url).host;
  try {
    // A plain TCP probe first: a refused port is answered at once and leaves no client behind.
    await probeTcp(new URL(url));
  } catch (error) {
    throw redisUnreachable(target, error);
  }
  const redis = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  // The failed connect() is reported below; without a listener ioredis would also print it raw.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw redisUnreachable(target, error);
  }
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy !== 'noeviction') {
      throw new PreflightError(
        `Redis 的 maxmemory-policy 为 "${policy}"，必须为 "noeviction"，否则队列中的任务可能被悄悄删除。` +
          `请执行 redis-cli CONFIG SET maxmemory-policy noeviction 后再启动。 (Redis maxmemory-policy must be noeviction)`,
      );
    }
  } finally {
    redis.disconnect();
  }
}

function probeTcp(url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 6379), timeout: 5000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error('connection timed out'));
    });
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
  });
}
