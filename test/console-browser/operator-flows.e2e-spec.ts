import type { Browser, Page } from 'playwright-core';
import { drained, startHub, type Hub, registerHousehold, type Rec } from '../delivery/harness';
import { familyOfFour, person } from '../support/households';
import {
  launchBrowser,
  logIn,
  newPage,
  openMenu,
  screenshot,
  serve,
  SYSTEMS,
  until,
  visibleText,
} from './browser';

const PAUSED = 'police-population';
const REFUSING = 'militia-conscription';

/** A number a dashboard card shows (`waiting-police-population` → 3). */
async function cardNumber(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).innerText()).replace(/[^\d.]/g, ''));
}

describe('An IT operator in the browser: pause and resume, retry a failure group, nothing personal shown', () => {
  let hub: Hub;
  let browser: Browser;
  let page: Page;
  /** Every full name, ID number and phone number the tests gave: none may appear on an operator page. */
  const secrets: string[] = [];
  let refusedId: string;
  let refusedIdNumber: string;

  const register = async (body: Rec): Promise<Array<{ id: string }>> => {
    for (const m of body.members as Rec[]) {
      secrets.push(String(m.name), String(m.idNumber), ...(m.phone ? [String(m.phone)] : []));
    }
    const reply = await registerHousehold(hub.h, body);
    return reply.members;
  };
  /** The rendered text of the page holds none of them, nor anything shaped like an ID number. */
  const expectNothingPersonal = async (where: string, on: Page = page) => {
    const text = await visibleText(on);
    expect({ where, leaked: secrets.filter((s) => text.includes(s)) }).toEqual({ where, leaked: [] });
    expect({ where, ids: text.match(/\d{17}[\dX]/g) ?? [] }).toEqual({ where, ids: [] });
  };

  beforeAll(async () => {
    hub = await startHub('browser_operator');
    const baseUrl = await serve(hub.h.app);
    const body = familyOfFour();
    const members = body.members as Rec[];
    Object.assign(members[1], { employmentStatus: '1' });
    // No political status: the militia roster refuses the 19-year-old son, a final refusal.
    Object.assign(members[2], { employmentStatus: '2' });
    refusedId = (await register(body))[2].id;
    refusedIdNumber = String(members[2].idNumber);
    await drained(hub.h);
    browser = await launchBrowser();
    page = await newPage(browser, baseUrl);
    await logIn(page, 'operator');
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('lands on the dashboard: one card per system', async () => {
    expect(new URL(page.url()).pathname).toBe('/ops');
    await page.getByTestId(`system-card-${PAUSED}`).waitFor();
    for (const system of SYSTEMS) await page.getByTestId(`system-card-${system}`).waitFor();
    await until(
      'the refusal counted on its card',
      async () => (await cardNumber(page, `failed-${REFUSING}`)) === 1,
    );
    await expectNothingPersonal('dashboard');
  });

  it('pauses a system, sees its queue grow while workers make changes, resumes and sees it drain', async () => {
    const card = page.getByTestId(`system-card-${PAUSED}`);
    await page.getByTestId(`pause-${PAUSED}`).click();
    await until('the card shows 已暂停', async () => (await card.getAttribute('data-paused')) === 'true');
    await expect(page.getByTestId(`state-${PAUSED}`).innerText()).resolves.toContain('已暂停');
    expect(await cardNumber(page, `waiting-${PAUSED}`)).toBe(0);

    // A worker goes on working: three new residents, and a phone number changed.
    const body = {
      type: 'family',
      address: { estate: '青龙苑', building: '9', unit: '1', room: '901' },
      members: [
        person('赵建华', '02', 40, '1', { employmentStatus: '1', politicalStatus: '13' }),
        person('钱秀兰', '10', 38, '2', { employmentStatus: '1' }),
        person('孙浩然', '20', 10, '1'),
      ],
    };
    const [first] = await register(body);
    const patched = await hub.h.http
      .patch(`/api/residents/${first.id}`)
      .auth(hub.h.tokens.worker, { type: 'bearer' })
      .send({ phone: '13700001111' });
    secrets.push('13700001111');
    expect(patched.status).toBe(200);

    // One job per resident changed: the new phone number joins its owner's queued change.
    let waiting = 0;
    await until(
      'the paused queue to hold the new work',
      async () => (waiting = await cardNumber(page, `waiting-${PAUSED}`)) >= 3,
      30_000,
      () => waiting,
    );
    const [{ open }] = await hub.h.db.query(
      `SELECT count(DISTINCT subject_id)::int AS open FROM delivery WHERE system = $1 AND status IN ('pending', 'sent')`,
      [PAUSED],
    );
    expect(open).toBe(3);
    await expectNothingPersonal('dashboard while paused');
    await screenshot(page, 'operator-dashboard-paused');
    // The same jobs raw in Bull Board (a tab of its own, logged in by the cookie): ids only.
    const board = await page.context().newPage();
    await board.goto(`/api/admin/queues/queue/deliver-${PAUSED}?status=paused`);
    await board.getByText('deliver-subject').first().waitFor();
    await expect(visibleText(board)).resolves.toContain('subjectId');
    await expectNothingPersonal('Bull Board while paused', board);
    await screenshot(board, 'operator-bull-board');
    await board.close();

    await page.getByTestId(`resume-${PAUSED}`).click();
    await until(
      'the card shows it running',
      async () => (await card.getAttribute('data-paused')) === 'false',
    );
    await until(
      'the queue to drain',
      async () => (waiting = await cardNumber(page, `waiting-${PAUSED}`)) === 0,
      60_000,
      () => waiting,
    );
    await drained(hub.h);
    expect(await cardNumber(page, `waiting-${PAUSED}`)).toBe(0);
    await screenshot(page, 'operator-dashboard');
  }, 120_000);

  it('retries a whole failure group', async () => {
    await page.getByTestId(`failures-link-${REFUSING}`).click();
    const count = page.getByTestId(`failure-count-${REFUSING}-refused`);
    await expect(count.innerText()).resolves.toBe('1 条');
    await expect(page.getByTestId(`failure-group-${REFUSING}-refused`).innerText()).resolves.toContain(
      '部门拒收',
    );
    await expect(page.locator('.ant-table').first().innerText()).resolves.toContain('政治面貌');
    await expectNothingPersonal('failures');
    await screenshot(page, 'operator-failures');

    const attempts = async (): Promise<number> =>
      (
        await hub.h.db.query(`SELECT attempts FROM delivery WHERE system = $1 AND subject_id = $2`, [
          REFUSING,
          refusedId,
        ])
      )[0].attempts;
    expect(await attempts()).toBe(1);
    await page.getByTestId(`retry-group-${REFUSING}-refused`).click();
    await page.getByText('已重新排队 1 条').waitFor();
    await until('the retried delivery sent again', async () => (await attempts()) === 2, 30_000);
    await drained(hub.h);
    // Refused again (nothing was fixed), so the group is back, now with its second attempt.
    const attemptsCell = page.locator('.ant-table tbody tr').first().locator('td').nth(3);
    await until(
      'the group shown again after the retry',
      async () => (await attemptsCell.innerText()) === '2',
      20_000,
    );
    await expectNothingPersonal('failures after retry');
  });

  it('finds a resident’s deliveries masked, by the full ID number', async () => {
    await openMenu(page, 'menu-ops-deliveries');
    await page.getByTestId('delivery-search-input').fill(refusedIdNumber);
    await page.getByTestId('delivery-search-input').press('Enter');
    const results = page.getByTestId('delivery-search-results');
    await until('search results', async () => (await results.locator('tbody tr.ant-table-row').count()) > 0);
    const text = await results.innerText();
    expect(text).toContain('公安局 实有人口管理系统');
    expect(text).toContain(`${refusedIdNumber.slice(0, 6)}********${refusedIdNumber.slice(14)}`);
    await expectNothingPersonal('delivery search');
    await screenshot(page, 'operator-delivery-search');
  });

  it('runs a reconciliation with a progress bar and shows the difference it found, masked', async () => {
    // The old people's office changes a phone number behind the hub's back.
    const [elder] = await hub.sim.records<Rec>('aging-services');
    await hub.sim.simulate('aging-services', 'change-phone', {
      elderId: elder.elderId,
      phone: '13700002222',
    });
    secrets.push('13700002222');

    await openMenu(page, 'menu-ops-reconciliation');
    await page.getByTestId('reconcile-system').click();
    await page.locator('.ant-select-item-option', { hasText: '老龄办' }).click();
    await page.getByTestId('reconcile-run').click();
    const progress = page.getByTestId('job-progress');
    await until(
      'the reconciliation finished',
      async () => (await progress.getAttribute('data-state')) === 'completed',
      60_000,
    );
    await expect(page.getByTestId('job-progress-counts').innerText()).resolves.toMatch(/已完成：(\d+) \/ \1/);
    const results = page.getByTestId('reconciliation-results');
    const row = results.locator('tr.ant-table-row', { hasText: '老龄办 养老服务信息系统' });
    await row.waitFor();
    await expect(row.locator('td').nth(7).innerText()).resolves.toBe('1');
    await row.locator('.ant-table-row-expand-icon').click();
    await expect(results.innerText()).resolves.toContain('内容不一致');
    await expectNothingPersonal('reconciliation');
    await screenshot(page, 'operator-reconciliation');
  }, 90_000);

  it('shows nothing personal in Bull Board’s job data either', async () => {
    await page.goto('/api/admin/queues/queue/console-jobs?status=completed');
    await page.getByText('reconcile').first().waitFor();
    await expect(visibleText(page)).resolves.toContain('aging-services');
    await expectNothingPersonal('Bull Board console-jobs');
    await screenshot(page, 'operator-bull-board-console-jobs');
  });
});
