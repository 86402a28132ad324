import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FONTS = '/usr/share/fonts/opentype/noto';
const BUILT_CONSOLE = join(__dirname, '..', '..', 'apps', 'web', 'dist', 'index.html');
const BROWSER_DIR = join(__dirname, '..', 'console-browser');

/**
 * A run that includes the browser suites stops before the first test when what they need is
 * missing, with the one command that installs it — rather than failing suite by suite minutes in.
 */
export function checkBrowserPrerequisites(testPathPattern: string): void {
  const suites = readdirSync(BROWSER_DIR).map((file) => join(BROWSER_DIR, file));
  if (testPathPattern && !suites.some((suite) => new RegExp(testPathPattern, 'i').test(suite))) return;
  const missing = [
    existsSync(CHROMIUM) ? null : `chromium (${CHROMIUM})`,
    existsSync(FONTS) ? null : 'CJK fonts (fonts-noto-cjk)',
    existsSync(BUILT_CONSOLE) ? null : 'the built console (apps/web/dist)',
  ].filter((m): m is string => m !== null);
  if (missing.length === 0) return;
  throw new Error(
    `The browser tests need ${missing.join(', ')}. Run once: npm run setup:tests\n` +
      '(or run the other tests alone: npm run test:unit / npm run test:e2e)',
  );
}
