import type { Browser, Page } from 'playwright-core';
import { drained, registerHousehold, startHub, type Hub } from '../delivery/harness';
import { person } from '../support/households';
import { focusedTestId, openConsole, notInWorkersWords, screenshot, until } from './browser';

/**
 * 待办 in the console: the militia refused a young man's registration for want of a 文化程度. The
 * worker sees the refusal with the fix, re-sends once (refused again: nothing was fixed), then
 * follows 去更正 to the form that fixes it; the militia takes him and the item leaves the list.
 */
describe('A community worker clears a militia refusal from the to-do list', () => {
  let hub: Hub;
  let browser: Browser;
  let page: Page;
  let deliveryId: string;

  beforeAll(async () => {
    hub = await startHub('browser_todo');
    await registerHousehold(hub.h, {
      type: 'family',
      address: { estate: '青龙苑', building: '22', unit: '1', room: '301' },
      members: [
        person('林海', '02', 50, '1', { employmentStatus: '1', education: '40' }),
        person('林子轩', '20', 20, '1', { employmentStatus: '5', politicalStatus: '13' }),
      ],
    });
    await drained(hub.h, 90_000);
    const [row] = await hub.h.db.query(
      `SELECT id::text FROM delivery WHERE system = 'militia-conscription' AND status = 'failed'`,
    );
    deliveryId = row.id as string;
    ({ browser, page } = await openConsole(hub.h.app, 'worker'));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('shows the refusal with the department’s words and the fix, in words a worker reads', async () => {
    await page.getByTestId('menu-todo').click();
    await page.getByTestId(`todo-resend-${deliveryId}`).waitFor();
    const refused = await page.getByTestId('todo-refused').innerText();
    expect(refused).toContain('人武部 兵役登记信息系统');
    expect(refused).toContain('林子轩');
    expect(refused).toContain('文化程度');
    expect(refused).toContain('补录或更正文化程度后自动重新发送');
    expect(await notInWorkersWords(page)).toEqual([]);
    await screenshot(page, 'worker-todo');
  });

  it('re-sending without a fix is refused again: the item stays', async () => {
    const [before] = await hub.h.db.query(`SELECT attempts FROM delivery WHERE id = $1`, [deliveryId]);
    await page.getByTestId(`todo-resend-${deliveryId}`).focus();
    await page.keyboard.press('Enter');
    await page.getByText('已重新发送到人武部 兵役登记信息系统').waitFor();
    await until('the second refusal', async () => {
      const [row] = await hub.h.db.query(`SELECT status, attempts FROM delivery WHERE id = $1`, [deliveryId]);
      return row.status === 'failed' && row.attempts > before.attempts;
    });
    await page.reload();
    await page.getByTestId(`todo-resend-${deliveryId}`).waitFor();
    await expect(page.getByTestId('todo-refused').innerText()).resolves.toContain('林子轩');
    // The resident's own panel says the same, with the way to the fix.
    await page.getByTestId(`todo-subject-${deliveryId}`).click();
    await expect(page.getByTestId('delivery-fix-militia-conscription').innerText()).resolves.toContain(
      '补录或更正文化程度后自动重新发送',
    );
    expect(await notInWorkersWords(page)).toEqual([]);
    await page.getByTestId('menu-todo').click();
    await page.getByTestId(`todo-resend-${deliveryId}`).waitFor();
  });

  it('去更正 opens the form that fixes it; saved, the militia takes him and the item is gone', async () => {
    await page.getByTestId(`todo-fix-${deliveryId}`).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('action-form-details').waitFor();
    await until('the education field focused', async () => (await focusedTestId(page)) !== null, 5_000);
    await page.keyboard.type('大学本科');
    await page.keyboard.press('Enter');
    await page.getByTestId('action-save').click();
    await page.getByText('修改文化程度、政治面貌已保存').waitFor();
    await drained(hub.h, 90_000);
    const roster = await hub.sim.records<Record<string, unknown>>('militia-conscription');
    expect(roster.filter((r) => r.姓名 === '林子轩')).toMatchObject([{ 文化程度: '大学本科' }]);

    await page.getByTestId('menu-todo').click();
    await page.getByTestId('todo-refused').waitFor();
    await until('the refusal gone from 待办', async () => {
      await page.reload();
      await page.getByTestId('todo-refused').waitFor();
      return (await page.getByTestId(`todo-resend-${deliveryId}`).count()) === 0;
    });
    await expect(page.getByTestId('todo-refused').innerText()).resolves.toContain('没有被部门拒收的信息');
  });
});
