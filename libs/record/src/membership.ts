import type { ChangeContext } from './change-context';
import { returnedRows } from './sql';

/** Ends the current membership; the household gets a new version (its member list changed). */
export async function leaveHousehold(
  ctx: ChangeContext,
  residentId: string,
  date: string,
  reason: string,
): Promise<void> {
  const left = returnedRows<{ household_id: string }>(
    await ctx.tx.query(
      `UPDATE household_member SET left_on = $2, left_reason = $3
      WHERE resident_id = $1 AND left_on IS NULL RETURNING household_id`,
      [residentId, date, reason],
    ),
  );
  for (const { household_id } of left) {
    const [household]: Array<Record<string, unknown>> = await ctx.tx.query(
      `SELECT * FROM household WHERE id = $1 FOR UPDATE`,
      [household_id],
    );
    const headLeaves = household.head_resident_id === residentId;
    await ctx.updateHousehold(household, headLeaves ? { headResidentId: null } : {}, true);
  }
}
