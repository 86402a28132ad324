import IORedis, { type RedisOptions } from 'ioredis';

/** BullMQ workers need maxRetriesPerRequest null; producers fail fast instead of queueing forever. */
export function createRedis(url: string, role: 'worker' | 'producer', options: RedisOptions = {}): IORedis {
  return new IORedis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 3,
    enableReadyCheck: true,
    lazyConnect: false,
    ...options,
  });
}
