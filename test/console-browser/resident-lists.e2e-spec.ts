import type { Browser, Page } from 'playwright-core';
import { startApi, type ApiHarness } from '../support/api-app';
import { idFor, person, yearsAgo } from '../support/households';
import {
  notInWorkersWords,
  focusedTestId,
  launchBrowser,
  logIn,
  newPage,
  requireBuiltConsole,
  screenshot,
  serve,
  until,
} from './browser';

/** The rows the resident list shows: name and age as rendered, read in one go (it re-renders). */
async function shownRows(page: Page): Promise<Array<{ name: string; age: number }>> {
  // A table row's text has its cells separated by tabs.
  const rows = await page
    .getByTestId('resident-search-results')
    .locator('tbody tr[data-row-key]')
    .allInnerTexts();
  return rows
    .map((row) => row.split('\t').map((cell) => cell.trim()))
    .map((c) => ({ name: c[0], age: Number(c[3]) }));
}

async function waitForRows(page: Page, names: string[]): Promise<void> {
  let shown: string[] = [];
  await until(
    `the list showing ${names.join('、')}`,
    async () => {
      shown = (await shownRows(page)).map((r) => r.name);
      return JSON.stringify(shown) === JSON.stringify(names);
    },
    15_000,
    () => shown,
  );
}

describe('A community worker finds the lists they need: 80+ by age, a caller by the last four ID digits', () => {
  let h: ApiHarness;
  let browser: Browser;
  let page: Page;
  const elders = [
    { name: '顾秋菊', age: 93, birthDate: yearsAgo(93, '02-11') },
    { name: '林阿宝', age: 86, birthDate: yearsAgo(86, '08-21') },
    { name: '陶美英', age: 81, birthDate: yearsAgo(81, '05-05') },
  ];
  const caller = { name: '郑海燕', birthDate: yearsAgo(52, '10-10') };
  const callerId = idFor(caller.birthDate, '2');

  beforeAll(async () => {
    requireBuiltConsole();
    h = await startApi('browser_lists');
    const households = [
      ...elders.map((e, i) => ({
        address: { estate: '康乐苑', building: '5', unit: '1', room: String(101 + i) },
        members: [
          { ...person(e.name, '02', 0, '2'), birthDate: e.birthDate, idNumber: idFor(e.birthDate, '2') },
        ],
      })),
      {
        address: { estate: '康乐苑', building: '6', unit: '2', room: '502' },
        members: [
          { ...person(caller.name, '02', 0, '2'), birthDate: caller.birthDate, idNumber: callerId },
          person('郑小军', '20', 20, '1', { employmentStatus: '1' }),
        ],
      },
    ];
    for (const body of households) {
      const res = await h.http
        .post('/api/households')
        .auth(h.tokens.worker, { type: 'bearer' })
        .send({ type: 'family', ...body });
      if (res.status !== 201) throw new Error(`household refused: ${JSON.stringify(res.body)}`);
    }
    browser = await launchBrowser();
    page = await newPage(browser, await serve(h.app));
    await logIn(page, 'worker');
    await page.getByTestId('resident-search-results').waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('lists every resident aged 80 and over, oldest first, from the keyboard', async () => {
    // From the search box, Tab reaches the 80+ list; Enter opens it.
    await page.getByTestId('resident-search-input').focus();
    for (let i = 0; i < 12 && (await focusedTestId(page)) !== 'filter-eighty-plus'; i++) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedTestId(page)).toBe('filter-eighty-plus');
    await page.keyboard.press('Enter');
    await waitForRows(
      page,
      elders.map((e) => e.name),
    );
    const rows = await shownRows(page);
    expect(rows.map((r) => r.age)).toEqual(elders.map((e) => e.age));
    const url = new URL(page.url());
    expect(url.searchParams.get('ageMin')).toBe('80');
    expect(url.searchParams.get('sort')).toBe('age-desc');
    await expect(page.getByText(`共 ${elders.length} 人`).isVisible()).resolves.toBe(true);
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'resident-list-80-plus');
  });

  it('finds a caller by the last four digits of their ID number', async () => {
    await page.goto('/residents');
    await page.getByTestId('resident-search-input').fill(callerId.slice(-4));
    await page.keyboard.press('Enter');
    await waitForRows(page, [caller.name]);
    const idShown = await page
      .getByTestId('resident-search-results')
      .locator('tbody tr[data-row-key] td')
      .nth(1)
      .innerText();
    // A list masks the number; the four digits the caller gave are the part it shows.
    expect(idShown.endsWith(callerId.slice(-4))).toBe(true);
    expect(idShown).not.toBe(callerId);
  });
});
