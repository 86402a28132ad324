import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadHubConfig } from '@hub/infra';
import { SimulatorModule } from './simulator.module';

/**
 * Stands in for the twelve departmental systems in tests, demos and benchmarks. It implements
 * the spec on its own and never imports the hub's connectors, so the two check each other.
 */
async function bootstrap(): Promise<void> {
  const config = loadHubConfig();
  const app = await NestFactory.create(SimulatorModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await app.listen(config.SIMULATOR_PORT, '127.0.0.1');
  console.log(`simulator status on :${config.SIMULATOR_PORT} (departments are served in a later issue)`);
}

void bootstrap();
