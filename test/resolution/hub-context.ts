import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadHubConfig } from '@hub/infra';
import { CliModule } from '../../apps/cli/src/cli.module';
import type { RunningSimulator } from '../simulator/support';
import type { TestDatabase } from '../support/test-db';

/** The import's context (the CLI's module) against one database and the simulated departments. */
export async function hubContext(
  database: TestDatabase,
  sim: RunningSimulator,
): Promise<INestApplicationContext> {
  const config = loadHubConfig({
    DATABASE_URL: database.url,
    SIM_DATABASE_URL: sim.databaseUrl,
    DEPARTMENT_URLS: JSON.stringify(sim.urls),
    LOG_LEVEL: 'silent',
  });
  return NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: false });
}
