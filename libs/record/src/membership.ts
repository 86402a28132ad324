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

/** The current members of a household, locked, head first. */
export async function lockMembers(
  ctx: ChangeContext,
  householdId: string,
): Promise<Array<{ resident_id: string; relation: string }>> {
  return ctx.tx.query(
    `SELECT m.resident_id, m.relation FROM household_member m JOIN resident r ON r.id = m.resident_id
      WHERE m.household_id = $1 AND m.left_on IS NULL
      ORDER BY m.relation IN ('01', '02') DESC, m.id FOR UPDATE OF m, r`,
    [householdId],
  );
}

/** A member's relation to the head, as it now is. */
export async function setRelation(
  ctx: ChangeContext,
  householdId: string,
  residentId: string,
  relation: string,
): Promise<void> {
  await ctx.tx.query(
    `UPDATE household_member SET relation = $3 WHERE household_id = $1 AND resident_id = $2 AND left_on IS NULL`,
    [householdId, residentId, relation],
  );
}

/** Every current membership of a household ends on the date (the whole household leaves). */
export async function endMemberships(
  ctx: ChangeContext,
  householdId: string,
  date: string,
  reason: string,
): Promise<void> {
  await ctx.tx.query(
    `UPDATE household_member SET left_on = $2, left_reason = $3 WHERE household_id = $1 AND left_on IS NULL`,
    [householdId, date, reason],
  );
}
