import type { PoolClient } from 'pg';
import type { SimContext } from '../../framework';
import type { FrontDatabase } from './family-planning.storage';
import { CLZT, type InboundRow } from './family-planning.types';
import { checkInbound } from './family-planning.validation';

interface Outcome {
  clzt: number;
  clxx: string;
  rkbh: string | null;
  counter: 'applied' | 'rejected' | 'duplicatesRefused';
}

const PENDING = `SELECT id, rkbh, czlx, xm, sfzh, xb, to_char(csrq, 'YYYY-MM-DD') AS csrq, hyzk, pobsfzh, znsl, hh, ywlsh
  FROM t_rk_in WHERE clzt = ${CLZT.pending} ORDER BY id LIMIT 200`;

/** One pass of the department's side of the exchange: every pending row, in the order written. */
export async function processPending(ctx: SimContext, front: FrontDatabase): Promise<number> {
  await countIgnoredRepeats(ctx, front);
  const { rows } = await front.pool.query<InboundRow>(PENDING);
  for (const row of rows) {
    const outcome = await front.exclusive(async (client) => {
      const result = await apply(front, client, row);
      await client.query('UPDATE t_rk_in SET clzt = $2, clxx = $3, rkbh = $4 WHERE id = $1', [
        row.id,
        result.clzt,
        result.clxx,
        result.rkbh,
      ]);
      return result;
    });
    ctx.counters.add(outcome.counter);
  }
  return rows.length;
}

async function apply(front: FrontDatabase, client: PoolClient, row: InboundRow): Promise<Outcome> {
  const refuse = (clxx: string, counter: Outcome['counter'] = 'rejected', rkbh = row.rkbh): Outcome => ({
    clzt: CLZT.rejected,
    clxx,
    rkbh,
    counter,
  });
  const checked = checkInbound(row);
  if (!checked.ok) return refuse(checked.message);
  const op = checked.value;
  switch (op.czlx) {
    case 'I': {
      const held = await front.findBySfzh(client, op.person.sfzh);
      // A second "new person" for an ID already on file: refused, and the existing number given back.
      if (held) return refuse(`该公民身份号码已登记，人口编号${held.rkbh}`, 'duplicatesRefused', held.rkbh);
      const rkbh = await front.insertPerson(client, op.person);
      return { clzt: CLZT.done, clxx: '新增成功', rkbh, counter: 'applied' };
    }
    case 'U': {
      if (!(await front.findByRkbh(client, op.rkbh))) return refuse(`人口编号${op.rkbh}不存在`);
      const holder = await front.findBySfzh(client, op.person.sfzh);
      if (holder && holder.rkbh !== op.rkbh) return refuse(`公民身份号码已被人口编号${holder.rkbh}使用`);
      await front.updatePerson(client, op.rkbh, op.person);
      return { clzt: CLZT.done, clxx: '变更成功', rkbh: op.rkbh, counter: 'applied' };
    }
    case 'D': {
      if (!(await front.findByRkbh(client, op.rkbh))) return refuse(`人口编号${op.rkbh}不存在`);
      await front.deletePerson(client, op.rkbh);
      return { clzt: CLZT.done, clxx: '注销成功', rkbh: op.rkbh, counter: 'applied' };
    }
  }
}

/** Repeated business serials were dropped at insert time; count each once. */
async function countIgnoredRepeats(ctx: SimContext, front: FrontDatabase): Promise<void> {
  const { rowCount } = await front.pool.query('UPDATE t_rk_in_cf SET tjbz = true WHERE NOT tjbz');
  if (rowCount) ctx.counters.add('duplicatesRefused', rowCount);
}

/**
 * The department's background job: pending rows are handled every ~500 ms (1-2 s with realism).
 * While the department is "down" nothing is processed and the hub's login is refused.
 */
export function startProcessing(ctx: SimContext, front: FrontDatabase): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<unknown> = Promise.resolve();
  let accessChange: Promise<unknown> = Promise.resolve();
  let hubAllowed = true;

  const watchDown = setInterval(() => {
    const allowed = !ctx.faults.settings.down;
    if (allowed === hubAllowed) return;
    hubAllowed = allowed;
    accessChange = accessChange.then(() => front.setHubAccess(allowed)).catch(report);
  }, 100);

  const schedule = (): void => {
    if (stopped) return;
    const interval = ctx.realism ? 1000 + Math.random() * 1000 : 500;
    timer = setTimeout(() => {
      pass = runPass().finally(schedule);
    }, interval + ctx.faults.settings.delayMs);
  };
  const runPass = async (): Promise<void> => {
    if (ctx.faults.settings.down) return;
    await processPending(ctx, front).catch(report);
  };
  schedule();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(watchDown);
    await pass;
    await accessChange;
  };
}

const report = (error: unknown): void => {
  console.error(JSON.stringify({ department: 'family-planning', error: (error as Error).message }));
};
