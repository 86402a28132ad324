import type { Browser, Page } from 'playwright-core';
import { startHub, type Hub } from '../delivery/harness';
import { idFor, withWrongCheck, yearsAgo } from '../support/households';
import {
  notInWorkersWords,
  focusedTestId,
  launchBrowser,
  logIn,
  panelStatuses,
  type ShownDelivery,
  newPage,
  screenshot,
  serve,
  until,
  VIEWPORT,
} from './browser';

type Shown = ShownDelivery;

/** The option an Ant Design drop-down shows as chosen. */
const selected = (page: Page, testId: string): Promise<string> =>
  page.getByTestId(testId).locator('.ant-select-selection-item').innerText();

/**
 * A working-age person: the main fields ask for 就业状况 (the employment office refuses one without
 * it), typed into its drop-down and chosen with Enter.
 */
async function chooseEmployment(page: Page, member: number): Promise<void> {
  const asked = page.locator('.ant-form-item', {
    has: page.getByTestId(`member-${member}-employmentStatus`),
  });
  await expect(asked.locator('.ant-form-item-extra').innerText()).resolves.toContain('人社局要求');
  await page.getByTestId(`member-${member}-employmentStatus`).click();
  await page.keyboard.type('就业');
  await page.keyboard.press('Enter');
  await expect(selected(page, `member-${member}-employmentStatus`)).resolves.toBe('就业');
}

const settled = (shown: Shown[]) =>
  shown.every((s) => s.status === 'confirmed' || s.status === 'not_relevant');

describe('A community worker in the browser: search, register by keyboard, watch it arrive', () => {
  let hub: Hub;
  let browser: Browser;
  let page: Page;
  let householdId: string;
  const head = { id: idFor(yearsAgo(45), '1'), name: '钱志刚' };
  const wife = { id: idFor(yearsAgo(40, '07-09'), '2'), name: '孙丽华' };
  const count = async (table: string): Promise<number> =>
    (await hub.h.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    hub = await startHub('browser_worker');
    const baseUrl = await serve(hub.h.app);
    browser = await launchBrowser();
    page = await newPage(browser, baseUrl);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('logs in through the form and lands on the resident search', async () => {
    await logIn(page, 'worker');
    await page.getByTestId('resident-search-results').waitFor();
    expect(new URL(page.url()).pathname).toBe('/residents');
  });

  it('registers a household with the keyboard, saved by Enter, and sees every relevant system confirmed live', async () => {
    await page.getByTestId('menu-household-new').click();
    await page.getByTestId('household-form').waitFor();
    // The address, typed field after field with Tab.
    await page.getByTestId('address-estate').click();
    await page.keyboard.type('青龙苑');
    for (const [next, text] of [
      ['address-building', '8'],
      ['address-unit', '1'],
      ['address-room', '302'],
    ]) {
      await page.keyboard.press('Tab');
      expect(await focusedTestId(page)).toBe(next);
      await page.keyboard.type(text);
    }
    // The head: the ID number fills in birth date and gender; Tab goes on to the name.
    await page.getByTestId('member-0-idNumber').click();
    await page.keyboard.type(head.id);
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('member-0-name');
    await page.keyboard.type(head.name);
    await expect(page.getByTestId('member-0-birthDate').inputValue()).resolves.toBe(yearsAgo(45));
    await expect(page.getByTestId('member-0-gender').locator('input[value="1"]').isChecked()).resolves.toBe(
      true,
    );
    await chooseEmployment(page, 0);
    // His wife: relation 配偶 chosen by typing in the drop-down and Enter.
    await page.getByTestId('add-member-button').click();
    await page.getByTestId('member-1-idNumber').click();
    await page.keyboard.type(wife.id);
    await page.keyboard.press('Tab');
    await page.keyboard.type(wife.name);
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('member-1-relation');
    await page.keyboard.type('配偶');
    await page.keyboard.press('Enter');
    await expect(selected(page, 'member-1-relation')).resolves.toBe('配偶');
    await chooseEmployment(page, 1);
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'worker-entry-form');

    const households = await count('household');
    await page.getByTestId('member-1-name').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('delivery-panel').waitFor();
    expect(await count('household')).toBe(households + 1);
    householdId = (await page.getByTestId('saved-household-link').getAttribute('href'))!.split('/').pop()!;
    // A mark on this document: it survives only if the panel updates without a page load.
    await page.evaluate('window.__sameDocument = true');

    const seen = new Set<string>();
    let shown: Shown[] = [];
    const failures = () =>
      hub.h.db.query<unknown[]>(`SELECT system, last_error FROM delivery WHERE status = 'failed'`);
    await until(
      'every system settled in the panel',
      async () => {
        shown = await panelStatuses(page);
        shown.forEach((s) => seen.add(`${s.status}`));
        if (shown.some((s) => s.status === 'failed')) throw new Error(JSON.stringify(await failures()));
        return settled(shown);
      },
      90_000,
      () => shown,
    );
    await expect(page.evaluate('window.__sameDocument')).resolves.toBe(true);
    // The panel showed the change on its way before it showed it arrived.
    expect(seen.has('pending') || seen.has('sent')).toBe(true);

    // What the panel says is what the ledger holds: confirmed where a delivery exists, 不涉及 elsewhere.
    const members: Array<{ id: string }> = await hub.h.db.query(
      `SELECT resident_id AS id FROM household_member WHERE household_id = $1`,
      [householdId],
    );
    const ledger: Array<{ system: string; open: number }> = await hub.h.db.query(
      `SELECT system, count(*) FILTER (WHERE status <> 'confirmed')::int AS open FROM delivery
        WHERE subject_id = ANY($1) AND status <> 'not_relevant' GROUP BY system`,
      [[householdId, ...members.map((m) => m.id)]],
    );
    expect(ledger.every((r) => r.open === 0)).toBe(true);
    const relevant = ledger.map((r) => r.system).sort();
    expect(relevant).toEqual(expect.arrayContaining(['police-population', 'family-planning']));
    expect(
      shown
        .filter((s) => s.status === 'confirmed')
        .map((s) => s.system)
        .sort(),
    ).toEqual(relevant);
    expect(
      shown
        .filter((s) => s.label === '已确认')
        .map((s) => s.system)
        .sort(),
    ).toEqual(relevant);
    const others = shown.filter((s) => !relevant.includes(s.system));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((s) => s.label === '不涉及')).toBe(true);
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'worker-entry-saved');
  }, 120_000);

  it('finds the head by pinyin initials, and shows his page and his household’s, each with where it went', async () => {
    await page.getByTestId('menu-residents').click();
    await page.getByTestId('resident-search-input').fill('qzg');
    await page.getByTestId('resident-search-input').press('Enter');
    const hit = page.getByTestId('resident-search-results').getByRole('link', { name: head.name });
    await hit.waitFor();
    // A list shows ID numbers masked, even to the worker; the resident's own page shows it whole.
    await expect(page.getByTestId('resident-search-results').innerText()).resolves.toContain(
      `${head.id.slice(0, 6)}********${head.id.slice(14)}`,
    );
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'worker-search');

    await hit.click();
    await expect(page.getByTestId('resident-name').innerText()).resolves.toBe(head.name);
    await until('the resident panel settled', async () => settled(await panelStatuses(page)));
    const shown = await panelStatuses(page);
    expect(shown.find((s) => s.system === 'police-population')?.label).toBe('已确认');
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'worker-resident');

    await page.getByTestId('resident-household-link').click();
    await page.getByTestId('household-members').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/households/${householdId}`);
    await expect(page.getByTestId('household-members').innerText()).resolves.toContain(wife.id);
    await until('the household panel settled', async () => settled(await panelStatuses(page)));
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'worker-household');
  });

  it('shows the API’s error under a wrong ID number, and saves nothing', async () => {
    const before = { households: await count('household'), residents: await count('resident') };
    await page.goto('/households/new');
    await page.getByTestId('address-estate').fill('青龙苑');
    await page.getByTestId('address-building').fill('9');
    await page.getByTestId('address-room').fill('101');
    const wrong = withWrongCheck(idFor(yearsAgo(30), '2'));
    await page.getByTestId('member-0-idNumber').fill(wrong);
    await page.getByTestId('member-0-name').fill('吴小梅');
    // Birth date and gender come from the number even when its check character is wrong.
    await expect(page.getByTestId('member-0-birthDate').inputValue()).resolves.toBe(yearsAgo(30));
    await page.keyboard.press('Enter');

    const item = page.locator('.ant-form-item', { has: page.getByTestId('member-0-idNumber') });
    const error = item.locator('.ant-form-item-explain-error');
    await error.waitFor();
    await expect(error.innerText()).resolves.toBe('公民身份号码校验位错误');
    // Under the field, not somewhere else on the page.
    const [field, message] = [
      await page.getByTestId('member-0-idNumber').boundingBox(),
      await error.boundingBox(),
    ];
    expect(message!.y).toBeGreaterThanOrEqual(field!.y + field!.height - 1);
    expect(Math.abs(message!.x - field!.x)).toBeLessThan(20);
    await expect(page.getByTestId('form-error-summary').innerText()).resolves.toContain('校验位');
    expect(await page.getByTestId('household-form').isVisible()).toBe(true);
    expect({ households: await count('household'), residents: await count('resident') }).toEqual(before);
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'worker-entry-error');
  });

  it('keeps the menu groups open after the window was narrow for a while', async () => {
    const groups = page.locator('.ant-menu-submenu-title');
    await expect(groups.first().getAttribute('aria-expanded')).resolves.toBe('true');
    // Below Ant's lg breakpoint the sider folds away, and the groups with it.
    await page.setViewportSize({ width: 900, height: 768 });
    await until('the sider folded', async () => !(await page.getByTestId('menu-residents').isVisible()));
    await page.setViewportSize(VIEWPORT);
    await page.getByTestId('menu-residents').waitFor();
    await expect(groups.first().getAttribute('aria-expanded')).resolves.toBe('true');
  });
});
