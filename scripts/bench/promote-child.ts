import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { NestFactory } from '@nestjs/core';
import { loadHubConfig } from '@hub/infra';
import { PromotionService } from '@hub/resolution/departments';
// Apps have no alias; the bench boots the CLI's module, as `npm run hub -- promote` does.
import { CliModule } from '../../apps/cli/src/cli.module';
import { memoryPeak } from './imported-city';

/**
 * One promotion in a process of its own (spawned by bench:promote), so that its peak memory is
 * the promotion's, not the import's before it. Prints one JSON line with its figures.
 * `--cpu-profile=FILE` writes a V8 CPU profile of the promotion alone.
 */
const profileFile = process.argv.find((a) => a.startsWith('--cpu-profile='))?.slice(14);

async function profiled<T>(fn: () => Promise<T>): Promise<T> {
  if (!profileFile) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
    session.disconnect();
  }
}

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(loadHubConfig()), {
    logger: ['error'],
  });
  try {
    global.gc?.();
    const before = process.memoryUsage();
    const peak = memoryPeak();
    const cpu = process.cpuUsage();
    const started = Date.now();
    const summary = await profiled(() => app.get(PromotionService).promote());
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    peak.stop();
    console.log(
      JSON.stringify({
        summary,
        seconds,
        cpuSeconds: (used.user + used.system) / 1e6,
        rssBefore: before.rss,
        heapBefore: before.heapUsed,
        peakRss: process.resourceUsage().maxRSS * 1024,
        peakHeap: peak.heap(),
      }),
    );
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
