import { chromium, type Locator, type Page } from 'playwright-core';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import type { Population } from './console-population';

/** A main page and what shows it is usable: its data on screen, not a spinner. */
type Check = [label: string, path: string, ready: (page: Page) => Locator];

export interface PageTime {
  page: string;
  ms: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAST_SYSTEM = DEPARTMENT_SYSTEMS[DEPARTMENT_SYSTEMS.length - 1].slug;

const row = (page: Page, testId: string) => page.getByTestId(testId).locator('tr.ant-table-row').first();

/** The pages a community worker opens in a day, with the data that shows each is usable. */
function workerPages(sample: Population): Check[] {
  return [
    ['居民查询 (all of the community)', '/residents', (p) => row(p, 'resident-search-results')],
    [
      '居民查询 by name',
      `/residents?q=${encodeURIComponent(sample.name)}`,
      (p) => row(p, 'resident-search-results'),
    ],
    ['居民查询 by pinyin initials', '/residents?q=wj', (p) => row(p, 'resident-search-results')],
    [
      '居民查询 by ID number prefix',
      `/residents?q=${sample.idNumber.slice(0, 10)}`,
      (p) => row(p, 'resident-search-results'),
    ],
    ['户页面', `/households/${sample.household}`, (p) => row(p, 'household-members')],
    [
      '居民页面 (with 数据去向)',
      `/residents/${sample.resident}`,
      (p) => p.getByTestId('delivery-police-population'),
    ],
    ['新户登记', '/households/new', (p) => p.getByTestId('member-0-idNumber')],
    ['待办', '/todo', (p) => p.getByTestId('todo')],
  ];
}

const OPERATOR_PAGES: Check[] = [
  ['接口总览 (twelve cards)', '/ops', (p) => p.getByTestId(`waiting-${LAST_SYSTEM}`)],
  [
    '失败处理',
    '/ops/failures?system=militia-conscription',
    (p) => p.getByTestId('failure-count-militia-conscription-refused'),
  ],
  ['投递查询', '/ops/deliveries', (p) => p.getByTestId('delivery-search-input')],
  ['对账', '/ops/reconciliation', (p) => p.getByTestId('reconciliation-results')],
];

/**
 * Each main page of the console in Debian's chromium, from navigation to its data on screen,
 * measured on its first visit and again (warm); the baseline in the same run is the login page,
 * which reads no data.
 */
export async function measurePages(
  baseUrl: string,
  sample: Population,
  users: { worker: [string, string]; operator: [string, string] },
): Promise<PageTime[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const times: PageTime[] = [];
  try {
    for (const [role, checks] of [
      ['worker', workerPages(sample)],
      ['operator', OPERATOR_PAGES],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: baseUrl });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const loginStarted = Date.now();
      await page.goto('/login');
      await page.getByTestId('login-submit').waitFor();
      times.push({ page: `baseline: 登录页 (${role})`, ms: Date.now() - loginStarted });
      const [username, password] = users[role];
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('current-user').waitFor();
      for (const [label, path, ready] of checks) {
        for (const visit of ['first', 'again']) {
          const started = Date.now();
          await page.goto(path);
          await ready(page).waitFor({ state: 'visible' });
          times.push({ page: `${label}${visit === 'again' ? ' (again)' : ''}`, ms: Date.now() - started });
        }
      }
      if (role === 'operator') {
        // A search is an answer too: from pressing Enter to the masked hits on screen.
        await page.goto('/ops/deliveries');
        const started = Date.now();
        await page.getByTestId('delivery-search-input').fill(sample.idNumber);
        await page.getByTestId('delivery-search-input').press('Enter');
        await page.getByTestId('delivery-search-results').waitFor();
        times.push({ page: '投递查询 by ID number (answer)', ms: Date.now() - started });
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}
