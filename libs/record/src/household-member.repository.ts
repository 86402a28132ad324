import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from './sql';

type Db = DataSource | EntityManager;

/** A member of a household with their relation to its head (GB/T 4761). */
export interface Membership {
  residentId: string;
  relation: string;
}

/**
 * The VALUES tuples of memberships of one household from one date, their parameters appended to
 * `params` (the household and the date once, then each member's id and relation).
 */
export function membershipValues(
  params: unknown[],
  householdId: string,
  members: readonly Membership[],
  joinedOn: string,
): string {
  params.push(householdId, joinedOn);
  const household = `$${params.length - 1}`;
  const date = `$${params.length}`;
  return members
    .map(({ residentId, relation }) => {
      params.push(residentId, relation);
      return `(${household}, $${params.length - 1}, $${params.length}, ${date})`;
    })
    .join(', ');
}

/**
 * The statements on memberships (`household_member`). A membership is current while `left_on`
 * is null; a person has at most one current membership.
 */
export class HouseholdMemberRepository {
  constructor(private readonly db: Db) {}

  /** The current members of a household, locked with their residents, head first. */
  async lockCurrent(householdId: string): Promise<Membership[]> {
    const rows: Array<{ resident_id: string; relation: string }> = await this.db.query(
      `SELECT m.resident_id, m.relation FROM household_member m JOIN resident r ON r.id = m.resident_id
      WHERE m.household_id = $1 AND m.left_on IS NULL
      ORDER BY m.relation IN ('01', '02') DESC, m.id FOR UPDATE OF m, r`,
      [householdId],
    );
    return rows.map((row) => ({ residentId: row.resident_id, relation: row.relation }));
  }

  /** The latest date on which any of the residents' current memberships began, if any has one. */
  async latestJoin(residentIds: readonly string[]): Promise<string | null> {
    const [{ joined }]: Array<{ joined: string | null }> = await this.db.query(
      `SELECT max(joined_on)::text AS joined FROM household_member
      WHERE resident_id = ANY($1::uuid[]) AND left_on IS NULL`,
      [residentIds],
    );
    return joined;
  }

  /** New members join the household on the date. */
  async join(householdId: string, members: readonly Membership[], joinedOn: string): Promise<void> {
    const params: unknown[] = [];
    const tuples = membershipValues(params, householdId, members, joinedOn);
    await this.db.query(
      `INSERT INTO household_member (household_id, resident_id, relation, joined_on) VALUES ${tuples}`,
      params,
    );
  }

  /** Ends the resident's current membership; returns the household it was in (none if none). */
  async leave(residentId: string, date: string, reason: string): Promise<string[]> {
    const left = returnedRows<{ household_id: string }>(
      await this.db.query(
        `UPDATE household_member SET left_on = $2, left_reason = $3
      WHERE resident_id = $1 AND left_on IS NULL RETURNING household_id`,
        [residentId, date, reason],
      ),
    );
    return left.map((row) => row.household_id);
  }

  /**
   * The members leave their household and join `to`. Two statements: one person's current
   * membership is unique, and the statements of one query's CTEs run in no set order, so the old
   * one must be ended first.
   */
  async move(members: readonly Membership[], to: string, date: string, reason: string): Promise<void> {
    const ids = members.map((m) => m.residentId);
    await this.db.query(
      `UPDATE household_member SET left_on = $2, left_reason = $3
      WHERE resident_id = ANY($1::uuid[]) AND left_on IS NULL`,
      [ids, date, reason],
    );
    await this.db.query(
      `INSERT INTO household_member (household_id, resident_id, relation, joined_on)
     SELECT $1, m.resident_id, m.relation, $3 FROM unnest($2::uuid[], $4::char(2)[]) AS m(resident_id, relation)`,
      [to, ids, date, members.map((m) => m.relation)],
    );
  }

  /** A current member's relation to the head, as it now is. */
  async setRelation(householdId: string, residentId: string, relation: string): Promise<void> {
    await this.db.query(
      `UPDATE household_member SET relation = $3 WHERE household_id = $1 AND resident_id = $2 AND left_on IS NULL`,
      [householdId, residentId, relation],
    );
  }

  /** Every current membership of the household ends on the date (the whole household leaves). */
  async endAll(householdId: string, date: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE household_member SET left_on = $2, left_reason = $3 WHERE household_id = $1 AND left_on IS NULL`,
      [householdId, date, reason],
    );
  }
}
