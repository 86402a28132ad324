import { loadConfig, register } from 'tsconfig-paths';

/** Jest's globalSetup runs outside moduleNameMapper: resolve @hub/* from tsconfig.json here. */
const config = loadConfig(`${__dirname}/../..`);
if (config.resultType === 'success') {
  register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });
}
