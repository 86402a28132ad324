/**
 * Runs a TypeScript entry point straight from source: `node test/support/run-ts.js apps/worker/src/main.ts`.
 * Tests spawn real processes (to SIGKILL them) without depending on a build in dist/ that may be
 * stale or broken by work in progress elsewhere. Same compiler settings as Jest (.swcrc) and the
 * same @hub/* aliases as tsc (tsconfig.json paths).
 */
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const root = path.resolve(__dirname, '../..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcrc, swcrc: false, filename });
  module._compile(code, filename);
};

// Registered after the .ts hook so that alias resolution also tries the .ts extension.
const loaded = tsconfigPaths.loadConfig(root);
if (loaded.resultType !== 'success') throw new Error(`run-ts: ${loaded.message}`);
tsconfigPaths.register({ baseUrl: loaded.absoluteBaseUrl, paths: loaded.paths });

const entry = process.argv[2];
if (!entry) throw new Error('usage: node test/support/run-ts.js <file.ts> [args...]');
process.argv.splice(1, 1); // the entry sees itself as argv[1], as under plain `node`
require(path.resolve(root, entry));
