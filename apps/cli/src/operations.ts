import { NestFactory } from '@nestjs/core';
import { ReconcileService, StatisticsReporter } from '@hub/delivery';
import type { HubConfig } from '@hub/infra';
import { CliModule } from './cli.module';

export async function withContext<T>(
  config: HubConfig,
  work: (get: <S>(type: new (...args: never[]) => S) => S) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    return await work((type) => app.get(type));
  } finally {
    await app.close();
  }
}

/** `reconcile [system] [--repair]`: one system or all; prints counts and the first differences. */
export function reconcileCommand(config: HubConfig, args: string[]): Promise<number> {
  const repair = args.includes('--repair');
  const named = args.filter((a) => !a.startsWith('--'));
  return withContext(config, async (get) => {
    const reconciler = get(ReconcileService);
    const systems = named.length > 0 ? named : reconciler.systems();
    let differences = 0;
    for (const system of systems) {
      const report = await reconciler.reconcile(system, { repair });
      const { differences: shown, ...counts } = report;
      differences += report.missing + report.extra + report.different + report.duplicates;
      console.log(JSON.stringify(counts));
      for (const d of shown.slice(0, 20)) console.log(`  ${JSON.stringify(d)}`);
    }
    return differences === 0 || repair ? 0 : 3;
  });
}

/** `report [yyyy-MM] [communityCode…]`: submits the monthly statistics report (default: last month). */
export function reportCommand(config: HubConfig, args: string[]): Promise<number> {
  const period = args.find((a) => /^\d{4}-\d{2}$/.test(a)) ?? StatisticsReporter.previousPeriod();
  const communities = args.filter((a) => /^\d{12}$/.test(a));
  return withContext(config, async (get) => {
    const submitted = await get(StatisticsReporter).submit(
      period,
      communities.length ? communities : undefined,
    );
    for (const s of submitted) console.log(JSON.stringify(s));
    return 0;
  });
}
