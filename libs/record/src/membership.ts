import type { ChangeContext } from './change-context';

/** Ends the current membership; the household gets a new version (its member list changed). */
export async function leaveHousehold(
  ctx: ChangeContext,
  residentId: string,
  date: string,
  reason: string,
): Promise<void> {
  for (const householdId of await ctx.memberships.leave(residentId, date, reason)) {
    const household = await ctx.households.lock(householdId);
    const headLeaves = household.head_resident_id === residentId;
    await ctx.updateHousehold(household, headLeaves ? { headResidentId: null } : {}, true);
  }
}
