import type { DataSource, EntityManager } from 'typeorm';
import { scopeCondition, type Actor } from './actor';
import { addressUpsertSql } from './address.repository';
import { membershipValues, type Membership } from './household-member.repository';
import type { AddressInput } from './inputs';
import { RESIDENT_SELECT } from './resident-list.repository';
import { residentValues, type NewResident } from './resident.repository';
import { updateSubject } from './subject-version.repository';

type Db = DataSource | EntityManager;
type Row = Record<string, unknown>;

/** A household about to be inserted: the id chosen for it, its fields and their provenance. */
export interface NewHousehold {
  id: string;
  householdNo: string | null;
  type: string;
  communityCode: string;
  headResidentId: string | null;
  assistanceType: string | null;
  assistanceAmount: string | null;
  assistanceApprovedOn: string | null;
  fieldSources: string;
}

/** A household split off another: no number and no assistance of its own yet. */
export type SplitHousehold = Pick<
  NewHousehold,
  'id' | 'type' | 'communityCode' | 'headResidentId' | 'fieldSources'
>;

/**
 * The statements on households and their versions. Rows of the change's locks are returned whole
 * (`SELECT *`): the change context compares them field by field with what a change sets.
 */
export class HouseholdRepository {
  constructor(private readonly db: Db) {}

  /** The household, locked for update, if within the actor's scope. */
  async lockInScope(id: string, actor: Actor): Promise<Row | undefined> {
    const params: unknown[] = [id];
    const scope = scopeCondition(actor, 'community_code', params);
    const rows: Row[] = await this.db.query(
      `SELECT * FROM household WHERE id = $1 AND ${scope} FOR UPDATE`,
      params,
    );
    return rows[0];
  }

  /** The household, locked for update, wherever it is (a member leaving it may be moving away). */
  async lock(id: string): Promise<Row> {
    const [household]: Row[] = await this.db.query(`SELECT * FROM household WHERE id = $1 FOR UPDATE`, [id]);
    return household;
  }

  /**
   * Address, residents, household and memberships in one statement (data-modifying CTEs):
   * registration is the busiest write of every community office, and each round trip costs.
   */
  async register(
    household: NewHousehold,
    address: AddressInput,
    residents: readonly NewResident[],
    members: readonly Membership[],
    joinedOn: string,
  ): Promise<void> {
    const params: unknown[] = [];
    const addressSql = addressUpsertSql(params, household.communityCode, address);
    const resident = residentValues(residents, params, '(SELECT id FROM new_address)');
    const householdValues = [
      household.id,
      household.householdNo,
      household.type,
      household.communityCode,
      household.headResidentId,
      household.assistanceType,
      household.assistanceAmount,
      household.assistanceApprovedOn,
      household.fieldSources,
    ].map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    const memberTuples = membershipValues(params, household.id, members, joinedOn);
    await this.db.query(
      `WITH new_address AS (${addressSql}),
         new_residents AS (INSERT INTO resident (${resident.columns}) VALUES ${resident.tuples}),
         new_household AS (
           INSERT INTO household (id, household_no, type, community_code, head_resident_id, assistance_type,
                                  assistance_amount, assistance_approved_on, field_sources, address_id)
           VALUES (${householdValues.join(', ')}, (SELECT id FROM new_address)))
         INSERT INTO household_member (household_id, resident_id, relation, joined_on) VALUES ${memberTuples}`,
      params,
    );
  }

  /**
   * A household split off another, at an existing address (its id) or one found or created in
   * its community; returns the address id. It is inserted at version 0: the change's own version
   * step makes it version 1 with its members.
   */
  async insertSplit(household: SplitHousehold, address: string | AddressInput): Promise<string> {
    const params: unknown[] = [];
    let addressSql = `SELECT $1::uuid AS id`;
    if (typeof address === 'string') params.push(address);
    else addressSql = addressUpsertSql(params, household.communityCode, address);
    params.push(
      household.id,
      household.type,
      household.communityCode,
      household.headResidentId,
      household.fieldSources,
    );
    const n = params.length;
    const [{ address_id }]: Array<{ address_id: string }> = await this.db.query(
      `WITH new_address AS (${addressSql})
         INSERT INTO household (id, type, community_code, head_resident_id, field_sources, address_id, version)
         VALUES ($${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}, (SELECT id FROM new_address), 0)
         RETURNING address_id`,
      params,
    );
    return address_id;
  }

  /** Sets the columns, steps the version and merges the provenance; returns the new version. */
  update(id: string, values: Readonly<Record<string, unknown>>, fieldSources: string): Promise<number> {
    return updateSubject(this.db, 'household', id, values, fieldSources);
  }

  /** The household with its community name and address, if within the actor's scope. */
  async view(id: string, actor: Actor): Promise<Row | undefined> {
    const params: unknown[] = [id];
    const rows: Row[] = await this.db.query(
      `SELECT h.*, c.name AS community_name, a.estate, a.building, a.unit, a.room, a.grid_code
         FROM household h JOIN community c ON c.code = h.community_code JOIN address a ON a.id = h.address_id
        WHERE h.id = $1 AND ${scopeCondition(actor, 'h.community_code', params)}`,
      params,
    );
    return rows[0];
  }

  /** The current members, as the console shows residents, in the order they joined. */
  members(id: string): Promise<Row[]> {
    return this.db.query(`${RESIDENT_SELECT} WHERE m.household_id = $1 ORDER BY m.id`, [id]);
  }

  /** Every version of the household, oldest first, with the name of who made it. */
  history(id: string): Promise<Row[]> {
    return this.db.query(
      `SELECT v.*, u.display_name AS changed_by_name FROM household_version v
         LEFT JOIN app_user u ON u.id = v.changed_by WHERE v.household_id = $1 ORDER BY v.version`,
      [id],
    );
  }
}
