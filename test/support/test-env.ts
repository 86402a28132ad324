/**
 * Where tests find PostgreSQL and Redis: TEST_DATABASE_URL / TEST_REDIS_URL, else the local
 * defaults. Every run gets its own databases (from a migrated template) and queue prefixes.
 */
export const TEST_PG_BASE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_PG_BASE);
  url.pathname = `/${name}`;
  return url.toString();
}

export const runId = (): string => process.env.HUB_TEST_RUN ?? 'local';
export const templateDatabase = (): string => `hub_test_${runId()}_tpl`;
