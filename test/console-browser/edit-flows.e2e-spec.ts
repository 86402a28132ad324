import type { Browser, Page } from 'playwright-core';
import { drained, registerHousehold, startHub, type Hub } from '../delivery/harness';
import { person } from '../support/households';
import {
  notInWorkersWords,
  focusedTestId,
  openConsole,
  requireBuiltConsole,
  screenshot,
  until,
} from './browser';

/**
 * A worker changes a resident's basic details in the console: a phone as it comes, a mistyped
 * name corrected with a reason. Each reaches the departments holding the person as an update of
 * the record they have (the same record ids, no second one).
 */
describe('A community worker changes a phone and corrects a name in the console', () => {
  let hub: Hub;
  let browser: Browser;
  let page: Page;
  let headId: string;
  let householdId: string;
  let threeId: string;
  let threeMembers: string[];
  let elderId: string;
  let yang: { id: string; members: string[] };

  /** Per system, the record the department holds of the head and the version it holds. */
  const links = async (): Promise<
    Array<{ system: string; external_id: string; delivered_version: number }>
  > =>
    hub.h.db.query(
      `SELECT system, external_id, delivered_version FROM system_link
        WHERE subject_type = 'resident' AND subject_id = $1 AND present ORDER BY system`,
      [headId],
    );

  /** Opens one of the resident page's menus and chooses an entry, by keyboard. */
  async function chooseAction(menu: string, action: string): Promise<void> {
    await page.getByTestId(menu).focus();
    await page.keyboard.press('Enter');
    const item = page.getByTestId(`action-${action}`);
    await item.waitFor();
    const active = () =>
      item.evaluate((el) => !!el.closest('li')?.classList.contains('ant-dropdown-menu-item-active'));
    // Arrow keys walk the open menu (it takes the keyboard once it has opened); Enter chooses.
    await until(
      `${action} chosen in the menu`,
      async () => {
        if (await active()) return true;
        await page.keyboard.press('ArrowDown');
        return false;
      },
      5_000,
    );
    await page.keyboard.press('Enter');
    await page.getByTestId(`action-form-${action}`).waitFor();
  }

  async function register(address: object, members: object[]): Promise<{ id: string; members: string[] }> {
    const household = await registerHousehold(hub.h, { type: 'family', address, members });
    return { id: household.id, members: household.members.map((m) => m.id) };
  }

  beforeAll(async () => {
    requireBuiltConsole();
    hub = await startHub('browser_edit');
    const zhao = await register({ estate: '青龙苑', building: '11', unit: '2', room: '601' }, [
      person('赵健', '02', 41, '1', { phone: '13800001234', employmentStatus: '1' }),
      person('钱芳', '10', 39, '2', { employmentStatus: '1' }),
    ]);
    headId = zhao.members[0];
    householdId = zhao.id;
    const kong = await register({ estate: '青龙苑', building: '12', unit: '1', room: '101' }, [
      person('孔德明', '02', 58, '1', { employmentStatus: '1' }),
      person('孔王氏', '10', 56, '2', { employmentStatus: '1' }),
      person('孔小华', '20', 12, '1'),
    ]);
    threeId = kong.id;
    threeMembers = kong.members;
    const sun = await register({ estate: '青龙苑', building: '12', unit: '2', room: '102' }, [
      person('孙福', '02', 88, '1', { employmentStatus: '4' }),
    ]);
    elderId = sun.members[0];
    yang = await register({ estate: '青龙苑', building: '12', unit: '3', room: '301' }, [
      person('杨振国', '02', 60, '1', { employmentStatus: '4' }),
      person('杨淑芬', '10', 58, '2', { employmentStatus: '4' }),
      person('杨帆', '20', 30, '1', { employmentStatus: '1' }),
    ]);
    await drained(hub.h, 90_000);
    ({ browser, page } = await openConsole(hub.h.app, 'worker'));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  /**
   * Closes the open dialog by its ×. A click that lands while the dialog is still zooming in can be
   * lost: the × is clicked again until the dialog is gone.
   */
  async function closeDialog(): Promise<void> {
    await until(
      'the dialog closed',
      async () => {
        if (!(await page.locator('.ant-modal-wrap').isVisible())) return true;
        await page
          .locator('.ant-modal-close')
          .click({ timeout: 2_000 })
          .catch(() => undefined);
        await page.waitForTimeout(300);
        return !(await page.locator('.ant-modal-wrap').isVisible());
      },
      15_000,
    );
  }

  /** Waits for the saved message; if the form shows an error instead, fails with its words. */
  async function savedOrRefused(saved: string): Promise<void> {
    const refused = page.locator('.ant-form-item-explain-error, [data-testid="form-error-summary"]');
    await until(
      `"${saved}"`,
      async () => {
        if (await page.getByText(saved).isVisible()) return true;
        if (await refused.first().isVisible())
          throw new Error(`refused: ${await refused.first().innerText()}`);
        return false;
      },
      15_000,
    );
  }

  /** Opens each entry of each menu in turn; every dialog must read in the worker's words. */
  async function scanDialogs(menus: string[]): Promise<Record<string, string[]>> {
    const leaks: Record<string, string[]> = {};
    for (const menu of menus) {
      await page.getByTestId(menu).click();
      const entries = page.locator('.ant-dropdown:not(.ant-dropdown-hidden) [data-testid^="action-"]');
      await entries.first().waitFor();
      const keys: string[] = await entries.evaluateAll((els) =>
        els.map((el) => (el as unknown as { dataset: { testid: string } }).dataset.testid),
      );
      await page.keyboard.press('Escape');
      for (const key of keys) {
        await page.getByTestId(menu).click();
        await page.getByTestId(key).click();
        await page.getByTestId(`action-form-${key.slice('action-'.length)}`).waitFor();
        const found = await notInWorkersWords(page);
        if (found.length > 0) leaks[key] = found;
        await closeDialog();
      }
    }
    return leaks;
  }

  it('every dialog of a resident’s and a household’s page reads in the worker’s words', async () => {
    await page.goto(`/residents/${headId}`);
    await page.getByTestId('resident-name').waitFor();
    expect(await notInWorkersWords(page)).toEqual([]);
    expect(await scanDialogs(['edit-actions', 'life-events', 'status-tags'])).toEqual({});
    await page.goto(`/households/${householdId}`);
    await page.getByTestId('household-members').waitFor();
    expect(await notInWorkersWords(page)).toEqual([]);
    expect(await scanDialogs(['household-actions', 'assistance-actions'])).toEqual({});
    for (const path of ['/households/new', `/households/${householdId}/add-member`, '/residents', '/todo']) {
      await page.goto(path);
      await page.locator('.hub-page-title, .ant-card-head-title').first().waitFor();
      expect({ path, found: await notInWorkersWords(page) }).toEqual({ path, found: [] });
    }
  }, 120_000);

  it('changes the phone from the keyboard; the departments holding him are sent an update', async () => {
    const before = await links();
    expect(before.map((l) => l.system)).toEqual(expect.arrayContaining(['police-population', 'employment']));
    await page.goto(`/residents/${headId}`);
    await page.getByTestId('resident-name').waitFor();
    await chooseAction('edit-actions', 'contact');
    // The dialog gives the keyboard to its first field once it has opened.
    await until('the phone field focused', async () => (await focusedTestId(page)) === 'field-phone', 5_000);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('13912345678');
    await page.keyboard.press('Enter');
    await page.getByText('修改联系电话已保存').waitFor();
    await drained(hub.h, 90_000);

    const [resident] = await hub.h.db.query(`SELECT phone, version FROM resident WHERE id = $1`, [headId]);
    expect(resident).toEqual({ phone: '13912345678', version: 2 });
    const after = await links();
    // The same department records, each now holding version 2: updated, not created again.
    expect(after.map((l) => [l.system, l.external_id])).toEqual(before.map((l) => [l.system, l.external_id]));
    const phoneHolders = after.filter((l) => l.system !== 'civil-assistance');
    expect(phoneHolders.every((l) => l.delivered_version === 2)).toBe(true);
    await expect(page.getByTestId('history-table').innerText()).resolves.toContain('信息修改');
  }, 120_000);

  it('corrects a mistyped name with a reason, naming the departments told; they confirm the update', async () => {
    await page.reload();
    await page.getByTestId('resident-name').waitFor();
    await chooseAction('edit-actions', 'identity');
    const told = await page.getByTestId('identity-told').innerText();
    expect(told).toContain('公安');
    // Without a reason nothing is saved and the dialog says why.
    await page.getByTestId('field-name').fill('赵建');
    await page.getByTestId('field-name').press('Enter');
    await page.getByText('更正姓名、身份证号等身份信息须填写更正原因').first().waitFor();
    const [unchanged] = await hub.h.db.query(`SELECT name, version FROM resident WHERE id = $1`, [headId]);
    expect(unchanged).toEqual({ name: '赵健', version: 2 });

    await page.getByTestId('field-reason').fill('户口簿姓名为“赵建”，录入时误写');
    await page.getByTestId('action-save').click();
    await page.getByText('更正身份信息已保存').waitFor();
    await drained(hub.h, 90_000);

    const [corrected] = await hub.h.db.query(`SELECT name, version FROM resident WHERE id = $1`, [headId]);
    expect(corrected).toEqual({ name: '赵建', version: 3 });
    const confirmed: Array<{ system: string; status: string }> = await hub.h.db.query(
      `SELECT d.system, d.status FROM delivery d JOIN system_link l
          ON l.system = d.system AND l.subject_type = 'resident' AND l.subject_id = d.subject_id AND l.present
        WHERE d.subject_id = $1 AND d.version = 3 ORDER BY d.system`,
      [headId],
    );
    expect(confirmed.length).toBeGreaterThan(3);
    expect(confirmed.filter((d) => d.status !== 'confirmed')).toEqual([]);
    await page.reload();
    await expect(page.getByTestId('history-reason-3').innerText()).resolves.toContain('录入时误写');
    await expect(page.getByTestId('history-table').innerText()).resolves.toContain('身份信息更正');
    const [audit] = await hub.h.db.query(
      `SELECT action, after->>'reason' AS reason FROM audit_log
        WHERE subject_id = $1 AND action <> 'resident.read' ORDER BY id DESC LIMIT 1`,
      [headId],
    );
    expect(audit).toEqual({
      action: 'resident.identity-corrected',
      reason: '户口簿姓名为“赵建”，录入时误写',
    });
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'worker-identity-corrected');
  }, 120_000);

  it('records 低保 for the existing household; 民政 receives it as a new assistance document', async () => {
    await page.goto(`/households/${householdId}`);
    await page.getByTestId('household-members').waitFor();
    await chooseAction('assistance-actions', 'assistance');
    await until('the type field focused', async () => (await focusedTestId(page)) !== null, 5_000);
    await page.keyboard.type('低保');
    await page.keyboard.press('Enter');
    await page.getByTestId('field-assistance-amount').fill('980');
    await page.getByTestId('field-assistance-approvedOn').click();
    await page.keyboard.type('2026-11-01');
    await page.keyboard.press('Tab');
    await page.getByTestId('action-save').click();
    await page.getByText('设置社会救助已保存').waitFor();
    await drained(hub.h, 90_000);

    const [household] = await hub.h.db.query(
      `SELECT assistance_type, assistance_amount::text AS amount, assistance_approved_on::text AS approved
         FROM household WHERE id = $1`,
      [householdId],
    );
    expect(household).toEqual({ assistance_type: 'dibao', amount: '980.00', approved: '2026-11-01' });
    const [civil] = await hub.h.db.query(
      `SELECT external_id, present FROM system_link
        WHERE system = 'civil-assistance' AND subject_type = 'household' AND subject_id = $1`,
      [householdId],
    );
    expect(civil.present).toBe(true);
    expect(civil.external_id).toMatch(/^MZ\d{12}$/);
    await expect(page.getByText('低保，每月 980.00 元').isVisible()).resolves.toBe(true);
    // The history in words: what was set, by its name, not its code.
    const history = await page.getByTestId('history-table').innerText();
    expect(history).toContain('设置社会救助');
    expect(history).toContain('低保');
    expect(history).not.toMatch(/dibao|tag-started|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await notInWorkersWords(page)).toEqual([]);
  }, 120_000);

  it('makes the wife the 户主, the former head her spouse', async () => {
    await page.goto(`/households/${householdId}`);
    await page.getByTestId('household-members').waitFor();
    await chooseAction('household-actions', 'change-head');
    await until('the new head field focused', async () => (await focusedTestId(page)) !== null, 5_000);
    await page.keyboard.type('钱芳');
    await page.keyboard.press('Enter');
    await page.getByTestId('field-formerHeadRelation').click();
    await page.keyboard.type('配偶');
    await page.keyboard.press('Enter');
    await page.getByTestId('action-save').click();
    await page.getByText('变更户主已保存').waitFor();
    const rows: Array<{ name: string; relation: string }> = await hub.h.db.query(
      `SELECT r.name, m.relation FROM household_member m JOIN resident r ON r.id = m.resident_id
        WHERE m.household_id = $1 AND m.left_on IS NULL ORDER BY r.name`,
      [householdId],
    );
    expect(rows).toEqual([
      { name: '赵建', relation: '10' },
      { name: '钱芳', relation: '02' },
    ]);
    const [h] = await hub.h.db.query(
      `SELECT r.name FROM household h JOIN resident r ON r.id = h.head_resident_id WHERE h.id = $1`,
      [householdId],
    );
    expect(h.name).toBe('钱芳');
    await drained(hub.h, 90_000);
    await expect(page.getByTestId('history-table').innerText()).resolves.toContain('变更户主');
  }, 120_000);

  it('a death: a typed date with Enter saves nothing; saving asks first, and only a yes records it', async () => {
    const lifeStatus = async () =>
      (
        await hub.h.db.query(`SELECT life_status, death_date::text FROM resident WHERE id = $1`, [elderId])
      )[0];
    await page.goto(`/residents/${elderId}`);
    await page.getByTestId('resident-name').waitFor();
    await chooseAction('life-events', 'death');
    await page.getByTestId('field-date').click();
    // Typed the way people write dates, without dashes; Enter takes the date, it does not save.
    await page.keyboard.type('20261201');
    await page.keyboard.press('Enter');
    // The typed digits are reformatted as the field handles Enter: read once it has.
    await until(
      'the typed date reformatted',
      async () => (await page.getByTestId('field-date').inputValue()) === '2026-12-01',
      5_000,
    );
    await expect(page.locator('.ant-modal-confirm').count()).resolves.toBe(0);
    await page.getByTestId('action-save').click();
    await expect(page.locator('.ant-modal-confirm').innerText()).resolves.toContain('孙福将登记为死亡');
    await page.getByRole('button', { name: '再看看' }).click();
    expect(await lifeStatus()).toEqual({ life_status: 'alive', death_date: null });
    await page.getByTestId('action-save').click();
    await page.getByRole('button', { name: '确认保存' }).click();
    await page.getByText('死亡登记已保存').waitFor();
    expect(await lifeStatus()).toEqual({ life_status: 'deceased', death_date: '2026-12-01' });
  }, 120_000);

  it('分户 then 合户: the son forms his own household, then it joins his parents’ again', async () => {
    const current = async (householdId: string): Promise<string[]> =>
      (
        await hub.h.db.query(
          `SELECT r.name FROM household_member m JOIN resident r ON r.id = m.resident_id
            WHERE m.household_id = $1 AND m.left_on IS NULL ORDER BY r.name`,
          [householdId],
        )
      ).map((r: { name: string }) => r.name);
    await page.goto(`/households/${yang.id}`);
    await page.getByTestId('household-members').waitFor();
    await chooseAction('household-actions', 'split');
    expect(await notInWorkersWords(page)).toEqual([]);
    await page.getByTestId('field-split-杨帆').click();
    await page.keyboard.type('户主');
    await page.keyboard.press('Enter');
    // Typed without dashes, as people write dates; today, the day the family registered.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    await page.getByTestId('field-date').click();
    await page.keyboard.type(today);
    await page.keyboard.press('Tab');
    await page.getByTestId('action-save').click();
    await page.getByText('分户已保存').waitFor();
    expect(await current(yang.id)).toEqual(['杨振国', '杨淑芬']);
    const [{ household_id: sonsHousehold }] = await hub.h.db.query(
      `SELECT household_id FROM household_member WHERE resident_id = $1 AND left_on IS NULL`,
      [yang.members[2]],
    );
    expect(await current(sonsHousehold)).toEqual(['杨帆']);

    await page.reload();
    await page.getByTestId('household-members').waitFor();
    await chooseAction('household-actions', 'merge');
    await page.getByTestId('field-fromResident').click();
    await page.keyboard.type('杨帆');
    await page.locator('.ant-select-item-option', { hasText: '杨帆' }).first().click();
    await page.getByTestId('field-relation-杨帆').click();
    await page.keyboard.type('子');
    await page.locator('.ant-select-item-option', { hasText: /^子$/ }).first().click();
    await page.getByTestId('field-date').click();
    await page.keyboard.type(today);
    await page.keyboard.press('Tab');
    await page.getByTestId('action-save').click();
    await page.getByRole('button', { name: '确认保存' }).click();
    await savedOrRefused('合户（他户并入本户）已保存');
    expect(await current(yang.id)).toEqual(['杨帆', '杨振国', '杨淑芬']);
    const [closed] = await hub.h.db.query(`SELECT status FROM household WHERE id = $1`, [sonsHousehold]);
    expect(closed.status).toBe('dissolved');
    await drained(hub.h, 90_000);
    const failed = await hub.h.db.query(`SELECT system, last_error FROM delivery WHERE status = 'failed'`);
    expect(failed).toEqual([]);
    const history = await page.getByTestId('history-table').innerText();
    expect(history).toContain('分户');
    expect(history).toContain('合户');
  }, 150_000);

  it('moves a household of three out in one action; the police end all three', async () => {
    await page.goto(`/households/${threeId}`);
    await page.getByTestId('household-members').waitFor();
    await chooseAction('household-actions', 'household-move-out');
    await expect(page.getByTestId('move-out-warning').innerText()).resolves.toContain('3 人');
    expect(await notInWorkersWords(page)).toEqual([]);
    await page.getByTestId('field-date').click();
    await page.keyboard.type('2026-11-30');
    await page.keyboard.press('Tab');
    await page.getByTestId('field-destination').fill('江苏省南京市鼓楼区');
    await page.getByTestId('field-reason').fill('购房迁出');
    await page.getByTestId('action-save').click();
    // Moving three people out is asked once more before it is saved.
    await page.getByRole('button', { name: '确认保存' }).click();
    await page.getByText('整户迁出已保存').waitFor();
    await drained(hub.h, 90_000);

    const moved: Array<{ residence_status: string; moved_out_on: string }> = await hub.h.db.query(
      `SELECT residence_status, moved_out_on::text FROM resident WHERE id = ANY($1)`,
      [threeMembers],
    );
    expect(moved).toEqual(Array(3).fill({ residence_status: 'moved_out', moved_out_on: '2026-11-30' }));
    const [h] = await hub.h.db.query(`SELECT status FROM household WHERE id = $1`, [threeId]);
    expect(h.status).toBe('dissolved');
    const police: Array<{ present: boolean }> = await hub.h.db.query(
      `SELECT present FROM system_link WHERE system = 'police-population' AND subject_id = ANY($1)`,
      [threeMembers],
    );
    expect(police).toEqual(Array(3).fill({ present: false }));
    await expect(page.getByText('本户已注销').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('history-table').innerText()).resolves.toContain('迁往江苏省南京市鼓楼区');
    expect(await notInWorkersWords(page)).toEqual([]);
  }, 120_000);
});
