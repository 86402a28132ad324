import { NestFactory } from '@nestjs/core';
import { createDataSource, migrateWithLock } from '@hub/database';
import { checkRedis, ensureDatabase, loadHubConfig, PreflightError } from '@hub/infra';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** Checks what the worker cannot run without, so the operator gets one clear sentence instead of a stack. */
async function preflight(databaseUrl: string, redisUrl: string): Promise<void> {
  await ensureDatabase(databaseUrl);
  await checkRedis(redisUrl);
}

async function migrate(databaseUrl: string): Promise<void> {
  // A short-lived pool: migrations run once, the app opens its own pool afterwards.
  const dataSource = await createDataSource(databaseUrl, 2).initialize();
  try {
    await migrateWithLock(dataSource, databaseUrl);
  } finally {
    await dataSource.destroy();
  }
}

async function bootstrap(): Promise<void> {
  const config = loadHubConfig();
  try {
    await preflight(config.DATABASE_URL, config.REDIS_URL);
  } catch (error) {
    if (error instanceof PreflightError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await migrate(config.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT close the BullMQ worker, the LISTEN client and the pools before exiting.
  app.enableShutdownHooks();
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
