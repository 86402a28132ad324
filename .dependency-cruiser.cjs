/**
 * What each lib may import of the others (besides itself): the layers, written down. A new
 * dependency between libs is a decision to make here, not a line that slips in.
 */
const LIBS_MAY_IMPORT = {
  domain: [],
  infra: [],
  database: ['infra'],
  ledger: [],
  record: ['domain', 'database'],
  connectors: ['domain'],
  matching: ['domain'],
  generator: ['domain', 'database'],
  delivery: ['domain', 'infra', 'ledger', 'record', 'connectors', 'matching'],
  resolution: ['domain', 'infra', 'ledger', 'record', 'matching', 'connectors', 'delivery'],
};

const allowList = Object.entries(LIBS_MAY_IMPORT).map(([lib, allowed]) => ({
  name: `${lib}-imports-only-its-allow-list`,
  comment: `libs/${lib} may import only: ${allowed.join(', ') || 'no other lib'} (LIBS_MAY_IMPORT)`,
  severity: 'error',
  from: { path: `^libs/${lib}/` },
  to: { path: '^libs/', pathNot: `^libs/(${[lib, ...allowed].join('|')})/` },
}));

/** Dependency direction: domain ← infra/database ← record ← apps. Apps never import each other. */
module.exports = {
  forbidden: [
    ...allowList,
    {
      name: 'domain-depends-on-nothing',
      comment: 'The domain knows no database, queue or HTTP.',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: { path: '^(libs/(?!domain)|apps/)|node_modules/(@nestjs|typeorm|bullmq|ioredis|pg|express)' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'simulator-implements-the-spec-alone',
      comment: 'The simulator checks the connectors; it must not reuse them.',
      severity: 'error',
      from: { path: '^apps/simulator' },
      to: { path: '^libs/(connectors|record|database|delivery)' },
    },
    {
      name: 'connectors-know-only-the-domain',
      comment: 'Connectors map snapshots and speak protocols; they never touch the database or the record.',
      severity: 'error',
      from: { path: '^libs/connectors' },
      to: { path: '^(libs/(database|record)|apps/)' },
    },
    {
      name: 'api-never-loads-a-connector',
      comment:
        'The api produces jobs and reads; the worker delivers. Loading connectors (soap, sm-crypto, exceljs) or the delivery lib into the api, even through another lib, is refused.',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^libs/(connectors|delivery)/', reachable: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // The console (apps/web) has its own toolchain; specs may reach into apps to check against them.
    exclude: { path: '(\\.spec\\.ts$|\\.e2e-spec\\.ts$|^apps/web/)' },
  },
};
