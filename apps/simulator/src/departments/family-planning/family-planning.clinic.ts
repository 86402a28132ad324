import type { FrontDatabase } from './family-planning.storage';
import type { PersonFields } from './family-planning.types';
import { checkPerson } from './family-planning.validation';

/**
 * Changes the department makes itself (a birth registered at the clinic, a correction by the
 * family-planning officer). They land in `t_rk_jbxx` with a new `gxsj`, which is how the hub sees them.
 */
export async function simulateClinicChange(
  front: FrontDatabase,
  action: string,
  body: unknown,
): Promise<unknown> {
  const input = (body ?? {}) as Record<string, unknown>;
  switch (action) {
    case 'birth':
      return registerBirth(front, input);
    case 'update':
      return correctPerson(front, input);
    default:
      throw new Error(`未知操作 ${action}（可用：birth, update）`);
  }
}

/** body: `{ motherRkbh, xm, sfzh, xb, csrq }` — the child joins the mother's household. */
async function registerBirth(front: FrontDatabase, input: Record<string, unknown>): Promise<unknown> {
  return front.exclusive(async (client) => {
    const mother = await front.findByRkbh(client, String(input.motherRkbh ?? ''));
    if (!mother) throw new Error('母亲的人口编号不存在');
    const child = checkPerson({ ...input, hyzk: '10', znsl: 0, pobsfzh: null, hh: mother.hh });
    if (!child.ok) throw new Error(child.message);
    if (await front.findBySfzh(client, child.value.sfzh)) throw new Error('该公民身份号码已登记');
    const rkbh = await front.insertPerson(client, child.value);
    const parents = [mother];
    const father = mother.pobsfzh ? await front.findBySfzh(client, mother.pobsfzh) : undefined;
    // The spouse number is sometimes the mother's own: then there is no father to update.
    if (father && father.rkbh !== mother.rkbh) parents.push(father);
    for (const parent of parents)
      await front.updatePerson(client, parent.rkbh, { ...fieldsOf(parent), znsl: (parent.znsl ?? 0) + 1 });
    return { rkbh, updated: parents.map((p) => p.rkbh) };
  });
}

/** body: `{ rkbh, ...fields to change }` */
async function correctPerson(front: FrontDatabase, input: Record<string, unknown>): Promise<unknown> {
  return front.exclusive(async (client) => {
    const rkbh = String(input.rkbh ?? '');
    const current = await front.findByRkbh(client, rkbh);
    if (!current) throw new Error(`人口编号${rkbh}不存在`);
    const checked = checkPerson({ ...fieldsOf(current), ...input });
    if (!checked.ok) throw new Error(checked.message);
    await front.updatePerson(client, rkbh, checked.value);
    return { rkbh };
  });
}

const fieldsOf = ({ xm, sfzh, xb, csrq, hyzk, pobsfzh, znsl, hh }: PersonFields): PersonFields => ({
  xm,
  sfzh,
  xb,
  csrq,
  hyzk,
  pobsfzh,
  znsl,
  hh,
});
