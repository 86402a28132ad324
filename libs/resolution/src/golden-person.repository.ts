import { normaliseIdNumber, type GoldenFields, type SourcePerson } from '@hub/matching';
import { scopeCondition, type Actor } from '@hub/record';
import type { DataSource, EntityManager } from 'typeorm';

/** A golden record's state (ck_golden_status). */
export type GoldenStatus = 'active' | 'retired';

/**
 * A state as an SQL literal. Literal, not a parameter: golden_person's partial indexes (which the
 * blocking keys below use) are on `status = 'active'`, and the planner matches the literal.
 */
const literal = (status: GoldenStatus) => `'${status}'`;
const ACTIVE = literal('active');
const RETIRED = literal('retired');

/** The active golden records' predicate, that of golden_person's partial indexes. */
export const ACTIVE_GOLDEN = `status = ${ACTIVE}`;

/** A golden record's field values under its id, as a resolution computed them. */
export interface GoldenValues {
  id: string;
  fields: GoldenFields;
}

/** A golden record a resolution changed, and what its history entry says about it. */
export interface ResolvedEntry {
  id: string;
  detail: { sources: number; joined: number };
}

/** An active golden record as `export-golden` prints it: its id, key fields and source records. */
export interface ExportedGolden {
  id: string;
  idNumber: string | null;
  name: string | null;
  sources: Array<{ system: string; recordId: string }>;
}

/** An active golden record a person may be (see `candidates`). */
export interface GoldenCandidate {
  id: string;
  communityCode: string | null;
  /** The golden record's own field values, as a person the model can compare. */
  person: SourcePerson;
}

/** A golden record as its page shows it, before masking. */
export interface GoldenRecord {
  id: string;
  idNumber: string | null;
  name: string | null;
  gender: string | null;
  birthDate: string | null;
  phone: string | null;
  address: unknown;
  attributes: unknown;
  communityCode: string | null;
  status: string;
}

/** One line of a golden record's history, with the name of the user who acted (if one did). */
export interface GoldenHistoryEntry {
  action: string;
  detail: unknown;
  actor: string;
  actorName: string | null;
  at: Date;
}

/**
 * The golden records (`golden_person`) and their history (`golden_history`), two ways: in bulk for
 * a full resolution (a column array per field, one statement per chunk) and the export's pages;
 * one record at a time as review decisions change them and record-at-a-time matching (inbound,
 * duplicate check) looks them up.
 */
export class GoldenPersonRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  // In bulk: a full resolution and `export-golden`.

  /**
   * Writes the golden records in one statement (a column array per field). A record whose values
   * and status did not change is left alone: no new row version, and `updated_at` stays put.
   */
  async upsertMany(part: readonly GoldenValues[]): Promise<void> {
    const f = part.map((c) => c.fields);
    await this.db.query(
      `INSERT INTO golden_person (id, id_number, name, gender, birth_date, phone, address, attributes, community_code)
       SELECT id, id_number, name, gender, birth_date, phone, address::jsonb, attributes::jsonb, community_code
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS t(id, id_number, name, gender, birth_date, phone, address, attributes, community_code)
       ON CONFLICT (id) DO UPDATE SET
         id_number = EXCLUDED.id_number, name = EXCLUDED.name, gender = EXCLUDED.gender,
         birth_date = EXCLUDED.birth_date, phone = EXCLUDED.phone, address = EXCLUDED.address,
         attributes = EXCLUDED.attributes, community_code = EXCLUDED.community_code, status = ${ACTIVE},
         updated_at = now()
       WHERE (golden_person.id_number, golden_person.name, golden_person.gender, golden_person.birth_date,
              golden_person.phone, golden_person.address, golden_person.attributes, golden_person.community_code,
              golden_person.status)
         IS DISTINCT FROM (EXCLUDED.id_number, EXCLUDED.name, EXCLUDED.gender, EXCLUDED.birth_date,
              EXCLUDED.phone, EXCLUDED.address, EXCLUDED.attributes, EXCLUDED.community_code, ${ACTIVE})`,
      [
        part.map((c) => c.id),
        f.map((x) => x.idNumber),
        f.map((x) => x.name),
        f.map((x) => x.gender),
        f.map((x) => x.birthDate),
        f.map((x) => x.phone),
        f.map((x) => (x.address ? JSON.stringify(x.address) : null)),
        f.map((x) => JSON.stringify(x.attributes)),
        f.map((x) => x.communityCode),
      ],
    );
  }

  /** Retires the active golden records no source record points at any more (merged or split apart). */
  async retireOrphaned(): Promise<void> {
    await this.db.query(
      `UPDATE golden_person g SET status = ${RETIRED}, updated_at = now()
        WHERE ${ACTIVE_GOLDEN} AND NOT EXISTS (SELECT 1 FROM source_record s WHERE s.golden_id = g.id)`,
    );
  }

  /** One `resolved` history entry per golden record a resolution changed, in one statement. */
  async recordResolved(entries: readonly ResolvedEntry[], actor: string): Promise<void> {
    await this.db.query(
      `INSERT INTO golden_history (golden_id, action, detail, actor)
       SELECT id, 'resolved', detail::jsonb, $3 FROM unnest($1::uuid[], $2::text[]) AS t(id, detail)`,
      [entries.map((e) => e.id), entries.map((e) => JSON.stringify(e.detail)), actor],
    );
  }

  /** The next `limit` active golden records after `after` (by id), each with its source records. */
  async activeWithSources(after: string, limit: number): Promise<ExportedGolden[]> {
    const rows: Array<{
      id: string;
      id_number: string | null;
      name: string | null;
      sources: Array<{ system: string; recordId: string }> | null;
    }> = await this.db.query(
      `SELECT g.id, g.id_number, g.name,
                (SELECT json_agg(json_build_object('system', s.system, 'recordId', s.record_id) ORDER BY s.system, s.record_id)
                   FROM source_record s WHERE s.golden_id = g.id) AS sources
           FROM golden_person g WHERE g.${ACTIVE_GOLDEN} AND g.id > $1 ORDER BY g.id LIMIT $2`,
      [after, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      idNumber: row.id_number,
      name: row.name,
      sources: row.sources ?? [],
    }));
  }

  // One record at a time: review decisions, inbound matching, the duplicate check, the record page.

  /**
   * Active golden records sharing a blocking key with a person: the ID number (or its region and
   * birth date), the name with the birth date, the phone, or the surname with the birth date. Each
   * condition is served by an index on `golden_person`, so this stays fast at a million records.
   */
  async candidates(p: SourcePerson, limit: number): Promise<GoldenCandidate[]> {
    const rows: Array<Record<string, string | null>> = await this.db.query(
      `SELECT id, id_number, name, gender, birth_date, phone, community_code FROM golden_person
        WHERE ${ACTIVE_GOLDEN}
          AND (id_number = $1 OR left(id_number, 14) = left($1, 14) OR phone = $4
               OR (name = $2 AND birth_date = $3) OR (birth_date = $3 AND left(name, 1) = left($2, 1)))
        LIMIT $5`,
      [p.idNumber, p.name, p.birthDate, p.phone, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      communityCode: r.community_code,
      person: {
        system: 'golden',
        recordId: String(r.id),
        idNumberRaw: r.id_number,
        idNumber: r.id_number,
        idValid: r.id_number !== null && normaliseIdNumber(r.id_number).valid,
        name: r.name,
        gender: r.gender as SourcePerson['gender'],
        birthDate: r.birth_date,
        phone: r.phone,
        address: null,
        attributes: {},
      },
    }));
  }

  /** The golden record in the actor's community, whatever its status. */
  async findInScope(id: string, actor: Actor): Promise<GoldenRecord | undefined> {
    const params: unknown[] = [id];
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id, id_number, name, gender, birth_date, phone, address, attributes, community_code, status
         FROM golden_person WHERE id = $1 AND ${scopeCondition(actor, 'community_code', params)}`,
      params,
    );
    const g = rows[0];
    if (!g) return undefined;
    return {
      id: String(g.id),
      idNumber: g.id_number as string | null,
      name: g.name as string | null,
      gender: g.gender as string | null,
      birthDate: g.birth_date as string | null,
      phone: g.phone as string | null,
      address: g.address,
      attributes: g.attributes,
      communityCode: g.community_code as string | null,
      status: String(g.status),
    };
  }

  /** Locks the active golden record in the actor's community; false when there is none. */
  async lockActiveInScope(id: string, actor: Actor): Promise<boolean> {
    const params: unknown[] = [id];
    const found: unknown[] = await this.db.query(
      `SELECT 1 FROM golden_person WHERE id = $1 AND ${ACTIVE_GOLDEN} AND ${scopeCondition(actor, 'community_code', params)}
           FOR UPDATE`,
      params,
    );
    return found.length > 0;
  }

  /** Whether the id is taken, by an active or a retired golden record. */
  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM golden_person WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** Writes one golden record's values (made active again if it was retired). */
  async upsert(id: string, f: GoldenFields): Promise<void> {
    await this.db.query(
      `INSERT INTO golden_person (id, id_number, name, gender, birth_date, phone, address, attributes, community_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET id_number = $2, name = $3, gender = $4, birth_date = $5, phone = $6,
         address = $7, attributes = $8, community_code = $9, status = ${ACTIVE}, updated_at = now()`,
      [
        id,
        f.idNumber,
        f.name,
        f.gender,
        f.birthDate,
        f.phone,
        f.address ? JSON.stringify(f.address) : null,
        JSON.stringify(f.attributes),
        f.communityCode,
      ],
    );
  }

  async retire(id: string): Promise<void> {
    await this.db.query(`UPDATE golden_person SET status = ${RETIRED}, updated_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  async addHistory(goldenId: string, action: string, detail: object, actor: string): Promise<void> {
    await this.db.query(
      `INSERT INTO golden_history (golden_id, action, detail, actor) VALUES ($1, $2, $3, $4)`,
      [goldenId, action, JSON.stringify(detail), actor],
    );
  }

  /** The record's history, oldest first; `actor` is a user id or a process name (`inbound`). */
  async history(goldenId: string): Promise<GoldenHistoryEntry[]> {
    return this.db.query(
      `SELECT h.action, h.detail, h.actor, u.display_name AS "actorName", h.at
         FROM golden_history h LEFT JOIN app_user u ON u.id::text = h.actor
        WHERE h.golden_id = $1 ORDER BY h.id`,
      [goldenId],
    );
  }
}
