import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadHubConfig } from '@hub/infra';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The real worker module in this process, against the given settings (database, prefix, departments). */
export async function startWorker(settings: Record<string, string>): Promise<INestApplicationContext> {
  const config = loadHubConfig({ ...settings, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
