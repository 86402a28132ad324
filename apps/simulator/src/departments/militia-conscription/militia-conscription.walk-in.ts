import type { SimContext } from '../../framework';
import { registrationYear } from './militia-conscription.server';
import { findEntry, remove, upsert } from './militia-conscription.storage';
import { HEADERS, type SheetRow } from './militia-conscription.types';
import { checkRow } from './militia-conscription.validation';

/**
 * Registrations the department takes itself (a man who registers in person at the 人武部, a
 * cancellation on enlistment). body: a roster row in template field names plus `社区`.
 */
export async function simulateWalkIn(ctx: SimContext, action: string, body: unknown): Promise<unknown> {
  const input = (body ?? {}) as Record<string, unknown>;
  const cells = Object.fromEntries(
    HEADERS.map((h) => [h, String(input[h] ?? '').trim()]),
  ) as SheetRow['cells'];
  switch (action) {
    case 'register':
      cells['登记类型'] = '初次登记';
      break;
    case 'cancel':
      cells['登记类型'] = '注销登记';
      break;
    default:
      throw new Error(`未知操作 ${action}（可用：register, cancel）`);
  }
  const checked = checkRow({ row: 0, cells, numericId: false }, registrationYear(ctx));
  if (!checked.ok) throw new Error(checked.reason);
  const client = await ctx.db.connect();
  try {
    const held = await findEntry(ctx, client, checked.entry.公民身份号码);
    if (action === 'cancel') {
      if (!held) throw new Error('未找到该公民的兵役登记信息');
      await remove(ctx, client, checked.entry.公民身份号码);
    } else {
      if (held) throw new Error('该公民已进行兵役登记');
      await upsert(ctx, client, { ...checked.entry, 社区: String(input['社区'] ?? '') || '人武部窗口' });
    }
    return { 公民身份号码: checked.entry.公民身份号码 };
  } finally {
    client.release();
  }
}
