import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import { WEB_DIST } from '../../apps/api/src/web-console';
import { PASSWORD } from '../support/api-app';

/** Debian's chromium: CI installs it with apt, so no browser download is ever needed. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1366, height: 768 };
/** The twelve department systems' slugs, as the delivery panel and the dashboard use them in test ids. */
export const SYSTEMS: string[] = DEPARTMENT_SYSTEMS.map((s) => s.slug);
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

/**
 * The console must have been built (`npm run build:web`): without it the api serves no page and
 * these tests would prove nothing, so they fail instead of skipping.
 */
export function requireBuiltConsole(): void {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`the console is not built (${WEB_DIST}/index.html missing): run npm run build:web`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium`);
  }
}

export async function launchBrowser(): Promise<Browser> {
  requireBuiltConsole();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Makes the in-process api listen on a free local port, for the browser; returns its base URL. */
export async function serve(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/**
 * A fresh tab of its own (the console keeps its login in sessionStorage, per tab). Errors thrown
 * in the page are printed, so a failing test shows why the console broke.
 */
export async function newPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: baseUrl, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => console.error(`console page error: ${error.message}`));
  return page;
}

/** Logs in through the form, as a person would, and waits for the signed-in layout. */
export async function logIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * Goes to a page through the left menu, opening its group first if it is folded (a person
 * would click the group's title too).
 */
export async function openMenu(page: Page, testId: string): Promise<void> {
  const item = page.getByTestId(testId);
  if (!(await item.isVisible())) {
    await page.locator('.ant-menu-submenu', { has: item }).locator('.ant-menu-submenu-title').click();
  }
  await item.click();
}

/** A full-page PNG under test-results/screenshots/ (an ignored folder). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Everything a person can read on the page now (rendered text, not the HTML or hidden nodes). */
export async function visibleText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

/** The data-testid of the focused element, or of the nearest element around it that has one. */
export async function focusedTestId(page: Page): Promise<string | null> {
  // A string runs in the page: this project's TypeScript has no DOM types.
  return page.evaluate<string | null>(
    `document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null`,
  );
}

/**
 * Polls `probe` in the test until it holds, for states that arrive by polling in the page;
 * `last` describes what was seen instead when it times out.
 */
export async function until(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 60_000,
  last: () => unknown = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last())}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export type ShownDelivery = { system: string; status: string | null; label: string };

/** The delivery panel's status tags: one status per department system, as rendered. */
export async function panelStatuses(page: Page): Promise<ShownDelivery[]> {
  const panel = page.getByTestId('delivery-panel');
  return Promise.all(
    SYSTEMS.map(async (system) => {
      const tag = panel.getByTestId(`delivery-${system}`);
      if ((await tag.count()) === 0) return { system, status: null, label: '' };
      return { system, status: await tag.getAttribute('data-status'), label: await tag.innerText() };
    }),
  );
}

/**
 * Latin words a worker may read: proper nouns and units the console uses on purpose. Everything
 * else in Latin letters is a leaked code, field name or English message.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ALLOWED_LATIN = new Set(['Enter', 'Tab', 'Esc', 'ID', 'XLSX', 'CSV', 'ZIP']);

/**
 * What a worker would read that is not in their words: English words, raw codes (snake_case,
 * dotted event kinds, code values shown alone) and record ids (UUIDs). Empty when all is well.
 */
export async function notInWorkersWords(page: Page): Promise<string[]> {
  const raw = await visibleText(page);
  const uuids = raw.match(UUID) ?? [];
  // A department's own record number (R320402…, RK000106, a grid platform's hex id) is a name.
  const text = raw.replace(UUID, ' ').replace(/\b(?=[A-Za-z0-9]*\d{4})[A-Za-z0-9]{6,}\b/g, ' ');
  const found = new Set<string>();
  for (const uuid of uuids) found.add(uuid);
  for (const word of text.match(/[A-Za-z][A-Za-z_.-]*[A-Za-z]/g) ?? [])
    if (!ALLOWED_LATIN.has(word)) found.add(word);
  return [...found];
}

/** A browser with one tab signed in to the api's console as `username`. */
export async function openConsole(
  app: INestApplication,
  username: string,
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  const page = await newPage(browser, await serve(app));
  await logIn(page, username);
  return { browser, page };
}
