import type { Browser, Page } from 'playwright-core';
import { drained, registerHousehold, startHub, type Hub } from '../delivery/harness';
import { daysAgo, idFor, person } from '../support/households';
import {
  notInWorkersWords,
  focusedTestId,
  openConsole,
  panelStatuses,
  screenshot,
  until,
  type ShownDelivery,
} from './browser';

const HOUSEHOLD_NO = '320402886';

/**
 * A birth as it really happens, in the console: the worker registers the newborn by keyboard; the
 * departments that key persons by ID number wait for the police (never 失败); the police register
 * the birth and issue the number, which appears on the child and reaches 全员人口 and 健康档案.
 */
describe('A community worker registers a birth; the police issue the number; it flows on', () => {
  let hub: Hub;
  let browser: Browser;
  let page: Page;
  let householdId: string;
  const child = { name: '周欣怡', birthDate: daysAgo(12) };

  beforeAll(async () => {
    hub = await startHub('browser_birth', { INBOUND_POLL_MS: '300' });
    const family = await registerHousehold(hub.h, {
      type: 'family',
      householdNo: HOUSEHOLD_NO,
      address: { estate: '青龙苑', building: '15', unit: '1', room: '202' },
      members: [
        person('周明', '02', 31, '1', { employmentStatus: '1' }),
        person('吴婷', '10', 29, '2', { employmentStatus: '1' }),
      ],
    });
    householdId = family.id;
    await drained(hub.h, 90_000);
    ({ browser, page } = await openConsole(hub.h.app, 'worker'));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('registers the newborn by keyboard; the police and 全员人口 wait, nothing fails', async () => {
    await page.goto(`/households/${householdId}/add-member`);
    await page.getByTestId('member-form').waitFor();
    // 出生登记 chosen from the keyboard: the radio group takes the arrow keys.
    await page.getByTestId('member-kind').locator('input[type="radio"]').first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(
      page.getByTestId('member-kind').locator('input[type="radio"]').nth(1).isChecked(),
    ).resolves.toBe(true);
    await page.getByTestId('member-name').click();
    await page.keyboard.type(child.name);
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('member-relation');
    await page.keyboard.type('女');
    await page.keyboard.press('Enter');
    await page.getByTestId('member-gender').locator('input[value="2"]').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('member-birthDate').click();
    await page.keyboard.type(child.birthDate);
    await page.keyboard.press('Tab');
    await page.getByTestId('save-button').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('delivery-panel').waitFor();

    const seen: ShownDelivery[][] = [];
    await until(
      'the police and 全员人口 waiting, the rest settled',
      async () => {
        const shown = await panelStatuses(page);
        seen.push(shown);
        const of = (system: string) => shown.find((s) => s.system === system)?.status;
        return (
          of('police-population') === 'waiting' &&
          of('family-planning') === 'waiting' &&
          of('public-health') === 'confirmed'
        );
      },
      90_000,
      () => seen.at(-1),
    );
    const panel = await page.getByTestId('delivery-panel').innerText();
    expect(panel).toContain('等待公安局分配身份证号');
    expect(panel).toContain('等待');
    expect(seen.flat().filter((s) => s.status === 'failed')).toEqual([]);
    expect(panel).not.toContain('失败');
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'worker-birth-waiting');
  }, 150_000);

  it('the police issue the number: it appears on the child and reaches 全员人口 and 健康档案', async () => {
    const [{ id: childId }] = await hub.h.db.query(`SELECT id FROM resident WHERE name = $1`, [child.name]);
    const idNumber = idFor(child.birthDate, '2');
    await page.goto(`/residents/${childId}`);
    await expect(page.getByTestId('resident-idNumber').innerText()).resolves.toContain('公安局分配');

    await hub.sim.simulate('police-population', 'register', {
      GMSFHM: idNumber,
      XM: child.name,
      XB: '2',
      MZ: '01',
      CSRQ: child.birthDate.replace(/-/g, ''),
      HH: HOUSEHOLD_NO,
      YHZGX: '30',
      RYLB: '1',
    });

    const seen: ShownDelivery[][] = [];
    await until(
      'the number on the child, 全员人口 and 健康档案 confirmed',
      async () => {
        await page.reload();
        await page.getByTestId('resident-name').waitFor();
        const shown = await panelStatuses(page);
        seen.push(shown);
        const of = (system: string) => shown.find((s) => s.system === system)?.status;
        const shownId = await page.getByTestId('resident-idNumber').innerText();
        return (
          shownId.startsWith(idNumber.slice(0, 6)) &&
          of('family-planning') === 'confirmed' &&
          of('public-health') === 'confirmed' &&
          of('police-population') === 'origin'
        );
      },
      90_000,
      () => seen.at(-1),
    );
    expect(seen.flat().filter((s) => s.status === 'failed')).toEqual([]);
    const history = await page.getByTestId('history-table').innerText();
    expect(history).toContain('部门回传更新');
    expect(history).toContain('公安局');
    const planning = (await hub.sim.records<Record<string, unknown>>('family-planning')).filter(
      (r) => r.xm === child.name,
    );
    expect(planning).toHaveLength(1);
    expect(planning[0].sfzh).toBe(idNumber);
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'worker-birth-numbered');
  }, 150_000);
});
