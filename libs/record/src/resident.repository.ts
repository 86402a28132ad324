import { pinyinFull, pinyinInitials } from '@hub/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { scopeCondition, type Actor } from './actor';
import { RESIDENT_COLUMNS, type ResidentFields } from './resident-columns';
import { RESIDENT_SELECT } from './resident-list.repository';
import { returnedRows } from './sql';
import { updateSubject } from './subject-version.repository';

type Db = DataSource | EntityManager;
type Row = Record<string, unknown>;

/** A resident about to be inserted: the id chosen for it, its fields and their provenance. */
export interface NewResident {
  id: string;
  fields: Partial<ResidentFields>;
  fieldSources: string;
}

/** Where a person with a given ID number is already recorded. */
export interface RecordedResident {
  idNumber: string;
  communityName: string;
}

const FIELDS = Object.keys(RESIDENT_COLUMNS) as Array<keyof ResidentFields>;

/**
 * The columns and VALUES tuples of new residents, their parameters appended to `params`. The
 * current address may be an SQL expression (the id an address CTE returns) rather than a value.
 */
export function residentValues(
  residents: readonly NewResident[],
  params: unknown[],
  addressExpression?: string,
): { columns: string; tuples: string } {
  const columns = [
    'id',
    'name_pinyin',
    'name_initials',
    'field_sources',
    ...FIELDS.map((f) => RESIDENT_COLUMNS[f]),
  ];
  const tuples = residents.map(({ id, fields, fieldSources }) => {
    const values: unknown[] = [
      id,
      pinyinFull(fields.name ?? ''),
      pinyinInitials(fields.name ?? ''),
      fieldSources,
      ...FIELDS.map((f) => fields[f] ?? null),
    ];
    const marks = values.map((value, j) => {
      if (addressExpression && FIELDS[j - 4] === 'currentAddressId') return addressExpression;
      params.push(value);
      return `$${params.length}`;
    });
    return `(${marks.join(', ')})`;
  });
  return { columns: columns.join(', '), tuples: tuples.join(', ') };
}

/**
 * The statements on residents and their versions. Rows of the change's locks are returned whole
 * (`SELECT *`): the change context compares them field by field with what a change sets.
 */
export class ResidentRepository {
  constructor(private readonly db: Db) {}

  /** The resident, locked for update, if within the actor's scope. */
  async lockInScope(id: string, actor: Actor): Promise<Row | undefined> {
    const params: unknown[] = [id];
    const scope = scopeCondition(actor, 'community_code', params);
    const rows: Row[] = await this.db.query(
      `SELECT * FROM resident WHERE id = $1 AND ${scope} FOR UPDATE`,
      params,
    );
    return rows[0];
  }

  /** The stored row of a resident the caller knows exists (and already holds the lock it needs). */
  async get(id: string): Promise<Row> {
    const [resident]: Row[] = await this.db.query(`SELECT * FROM resident WHERE id = $1`, [id]);
    return resident;
  }

  /** The living resident with the ID number, locked for update, in whichever community. */
  async lockLivingByIdNumber(idNumber: string): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM resident WHERE id_number = $1 AND life_status = 'alive' FOR UPDATE`,
      [idNumber],
    );
    return rows[0]?.id;
  }

  /** Which of the ID numbers the record already holds, and in which community. */
  async recordedAt(idNumbers: readonly string[]): Promise<RecordedResident[]> {
    const found: Array<{ id_number: string; community_name: string }> = await this.db.query(
      `SELECT r.id_number, c.name AS community_name
       FROM resident r JOIN community c ON c.code = r.community_code
      WHERE r.id_number = ANY($1::text[])`,
      [idNumbers],
    );
    return found.map((row) => ({ idNumber: row.id_number, communityName: row.community_name }));
  }

  /** New residents in one multi-row statement. */
  async insert(residents: readonly NewResident[]): Promise<void> {
    const params: unknown[] = [];
    const { columns, tuples } = residentValues(residents, params);
    await this.db.query(`INSERT INTO resident (${columns}) VALUES ${tuples}`, params);
  }

  /** Sets the columns, steps the version and merges the provenance; returns the new version. */
  update(id: string, values: Readonly<Record<string, unknown>>, fieldSources: string): Promise<number> {
    return updateSubject(this.db, 'resident', id, values, fieldSources);
  }

  /**
   * A version step for every current member of the household but those listed (nothing of
   * theirs changes); returns their new versions.
   */
  async stepMembers(
    householdId: string,
    except: readonly string[],
  ): Promise<Array<{ id: string; version: number }>> {
    const members = returnedRows<{ id: string; version: number }>(
      await this.db.query(
        `UPDATE resident SET version = version + 1, updated_at = now()
          WHERE id IN (SELECT resident_id FROM household_member WHERE household_id = $1 AND left_on IS NULL)
            AND NOT (id = ANY($2::uuid[]))
          RETURNING id, version`,
        [householdId, except],
      ),
    );
    return members.map((m) => ({ id: m.id, version: Number(m.version) }));
  }

  /** The resident as the console shows it (with address and membership), if within the actor's scope. */
  async view(id: string, actor: Actor): Promise<Row | undefined> {
    const params: unknown[] = [id];
    const rows: Row[] = await this.db.query(
      `${RESIDENT_SELECT} WHERE r.id = $1 AND ${scopeCondition(actor, 'r.community_code', params)}`,
      params,
    );
    return rows[0];
  }

  /** Every version of the resident, oldest first, with the name of who made it. */
  history(id: string): Promise<Row[]> {
    return this.db.query(
      `SELECT v.*, u.display_name AS changed_by_name FROM resident_version v
         LEFT JOIN app_user u ON u.id = v.changed_by WHERE v.resident_id = $1 ORDER BY v.version`,
      [id],
    );
  }

  /** Whether a department record the resident was imported from waits in the duplicate review queue. */
  async suspectedDuplicate(id: string): Promise<boolean> {
    const [{ suspected }]: Array<{ suspected: boolean }> = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM source_record_resident sr JOIN match_review m ON m.status = 'pending'
                        AND (m.a_record = sr.source_record_id OR m.b_record = sr.source_record_id)
                       WHERE sr.resident_id = $1) AS suspected`,
      [id],
    );
    return suspected;
  }
}
