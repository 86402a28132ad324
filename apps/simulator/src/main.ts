import 'reflect-metadata';
import { createServer } from 'node:http';
import { loadHubConfig, PreflightError } from '@hub/infra';
import { DEPARTMENTS } from './departments';
import { controlApp } from './framework/control-server';
import { Simulator } from './framework/simulator';

/**
 * Stands in for the twelve departmental systems in tests, demos and benchmarks: each on its own
 * port with its own storage. It implements the spec on its own and never imports the hub's
 * connectors, so the two check each other.
 */
async function bootstrap(): Promise<void> {
  const config = loadHubConfig();
  const simulator = new Simulator(config, DEPARTMENTS);
  await simulator.start();
  const control = createServer(controlApp(simulator));
  await new Promise<void>((resolve) => control.listen(config.SIMULATOR_PORT, config.SIM_HOST, resolve));
  const controlPort = (control.address() as { port: number }).port;
  // One JSON line on stdout: tests and scripts read the ports from it.
  console.log(
    JSON.stringify({
      simulator: 'ready',
      controlPort,
      departments: Object.fromEntries(simulator.describe().map((d) => [d.slug, d.port])),
    }),
  );
  const shutdown = async (): Promise<void> => {
    control.close();
    await simulator.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof PreflightError ? error.message : error);
  process.exit(1);
});
