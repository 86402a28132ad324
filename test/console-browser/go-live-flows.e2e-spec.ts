import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateCity } from '@hub/generator';
import { addGridCells, goLive } from '../resolution/go-live-support';
import { hubContext } from '../resolution/hub-context';
import { startSimulator, type RunningSimulator } from '../simulator/support';
import { HOME, startApi, type ApiHarness } from '../support/api-app';
import {
  notInWorkersWords,
  launchBrowser,
  logIn,
  newPage,
  openMenu,
  screenshot,
  serve,
  visibleText,
} from './browser';

describe('A community worker in the browser after go-live: imported households, the worklist, review pairs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-go-live-browser-'));
  let sim: RunningSimulator;
  let h: ApiHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await generateCity({ people: 1_500, seed: 5, outDir: dir, communities: [HOME] });
    sim = await startSimulator('browser_go_live', { SIM_SEED_DIR: dir });
    h = await startApi('browser_go_live');
    await addGridCells(h.db, [HOME]);
    const context = await hubContext(h.database, sim);
    try {
      await goLive(context);
    } finally {
      await context.close();
    }
    browser = await launchBrowser();
    page = await newPage(browser, await serve(h.app));
    await logIn(page, 'worker');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows an imported household with its members and their relations', async () => {
    const [household]: Array<{ id: string; names: string[] }> = await h.db.query(
      `SELECT h.id, array_agg(r.name ORDER BY r.name) AS names FROM household h
         JOIN household_member m ON m.household_id = h.id AND m.left_on IS NULL
         JOIN resident r ON r.id = m.resident_id
        WHERE h.community_code = $1 GROUP BY h.id HAVING count(*) >= 3 ORDER BY h.id LIMIT 1`,
      [HOME],
    );
    await page.goto(`/households/${household.id}`);
    await page.getByTestId('household-members').waitFor();
    const text = await visibleText(page);
    for (const name of household.names) expect(text).toContain(name);
    expect(text).toContain('户主');
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'go-live-household');
  });

  it('lists the community’s findings on 数据核对, and a confirmation is recorded', async () => {
    const [{ open }]: Array<{ open: number }> = await h.db.query(
      `SELECT count(*)::int AS open FROM data_finding WHERE community_code = $1 AND status = 'open'`,
      [HOME],
    );
    expect(open).toBeGreaterThan(0);
    await openMenu(page, 'menu-findings');
    await page.getByTestId('findings').waitFor();
    const residents = page.getByTestId('finding-resident');
    await residents.first().waitFor();
    expect(await residents.count()).toBe(Math.min(open, 20));
    const name = await residents.first().innerText();
    await page.getByTestId('finding-confirm').first().click();
    await page.getByText('已确认，持有其他值的部门系统将收到系统保留的值').waitFor();
    const [{ confirmed }]: Array<{ confirmed: number }> = await h.db.query(
      `SELECT count(*)::int AS confirmed FROM data_finding f JOIN resident r ON r.id = f.subject_id
        WHERE f.status = 'confirmed' AND r.name = $1`,
      [name],
    );
    expect(confirmed).toBe(1);
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'go-live-findings');
  });

  it('shows the review pairs of the community to its worker', async () => {
    const pending: Array<{ id: string }> = await h.db.query(
      `SELECT id::text AS id FROM match_review WHERE status = 'pending' AND community_code = $1
        ORDER BY score DESC, id LIMIT 10`,
      [HOME],
    );
    expect(pending.length).toBeGreaterThan(0);
    await openMenu(page, 'menu-reviews');
    await page.getByTestId(`review-card-${pending[0].id}`).waitFor();
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'go-live-reviews');
  });
});
