import { NestFactory } from '@nestjs/core';
import { prepareDatabase } from '@hub/database';
import { checkRedis, loadHubConfig, PreflightError } from '@hub/infra';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadHubConfig();
  try {
    // Same start-up as the api: either may start first, the advisory lock serialises migrations.
    await checkRedis(config.REDIS_URL);
    await prepareDatabase(config.DATABASE_URL); // ensureDatabase + migrateWithLock
  } catch (error) {
    if (error instanceof PreflightError) {
      // One clear sentence for the operator instead of a stack trace.
      console.error(`[worker] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  // No HTTP server: the worker only consumes queues and runs the relay.
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: stop the relay and LISTEN client, finish in-flight jobs, then close the pools.
  app.enableShutdownHooks();
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
