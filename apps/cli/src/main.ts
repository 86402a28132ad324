import 'reflect-metadata';
import { createDataSource, prepareDatabase } from '@hub/database';
import { loadHubConfig, PreflightError } from '@hub/infra';
import { reconcileCommand, reportCommand } from './operations';
import { seedDemo } from './seed-demo';
import { main as generateMain } from '@hub/generator/cli';
import {
  exportGoldenCommand,
  importAllCommand,
  importReportCommand,
  promoteCommand,
  resolveCommand,
} from './resolution-commands';

const HELP = `npm run hub -- <command>

  migrate        create the database if missing and apply pending migrations
  seed           geography (6 districts, 859 communities) and demo users
  reconcile [system…] [--repair]
                 compare each system's whole content with the unified record (exit 3 on differences);
                 --repair delivers missing and different subjects again
  report [yyyy-MM] [community…]
                 submit the monthly statistics report (default: last month, every community)
  generate --people=N --seed=S --out=DIR [--communities=CODE,…]
                 write a synthetic city's seed files for the simulators, and its ground truth
  import-all [system…] [--no-promote]
                 read every system's whole content, stage it, resolve it into golden records and
                 promote them into the unified record
  resolve        match the staged records again (after decisions or a rule change)
  promote        golden records become residents and households, linked to every department's
                 records; departments' disagreements go on the worklist (repeatable, keeps ids)
  export-golden --out FILE
                 JSON Lines: one line per golden resident with its sources, one per pending review
  import-report [--changes-per-year=N]
                 overlap between the systems, entries the hub saves a year, match quality
  help           this text
`;

/** The hub's command line: operations staff run these against the configured database. */
async function main(argv: string[]): Promise<number> {
  const [command = 'help'] = argv;
  const config = loadHubConfig();
  switch (command) {
    case 'migrate': {
      const applied = await prepareDatabase(config.DATABASE_URL);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    }
    case 'seed': {
      await prepareDatabase(config.DATABASE_URL);
      const db = createDataSource(config.DATABASE_URL, 4);
      await db.initialize();
      try {
        const counts = await seedDemo(db);
        console.log(`seeded: ${JSON.stringify(counts)}`);
      } finally {
        await db.destroy();
      }
      return 0;
    }
    case 'reconcile':
      return reconcileCommand(config, argv.slice(1));
    case 'report':
      return reportCommand(config, argv.slice(1));
    case 'generate':
      return generateMain(argv.slice(1));
    case 'import-all':
      return importAllCommand(config, argv.slice(1));
    case 'resolve':
      return resolveCommand(config);
    case 'promote':
      return promoteCommand(config);
    case 'export-golden':
      return exportGoldenCommand(config, argv.slice(1));
    case 'import-report':
      return importReportCommand(config, argv.slice(1));
    case 'help':
      console.log(HELP);
      return 0;
    default:
      console.error(`unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof PreflightError ? error.message : error);
    process.exit(1);
  },
);
