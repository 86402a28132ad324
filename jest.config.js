/** One Jest run for unit specs (co-located *.spec.ts) and e2e flows (test/**\/*.e2e-spec.ts). */
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: {
    '^@hub/(domain|infra|database|record|ledger|connectors|delivery|matching|generator|resolution)$':
      '<rootDir>/libs/$1/src',
    '^@hub/(domain|infra|database|record|ledger|connectors|delivery|matching|generator|resolution)/(.*)$':
      '<rootDir>/libs/$1/src/$2',
  },
  // The console has its own toolchain (Vite) and its own node_modules.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
  modulePathIgnorePatterns: ['<rootDir>/apps/web/'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
