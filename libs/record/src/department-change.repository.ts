import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** A newborn as the police register it: the facts their feed carries besides the issued number. */
export interface RegisteredBirth {
  name: string;
  birthDate: string;
  gender: string;
  /** 户号 of the household the child was registered into, when the police give it. */
  householdNo: string | null;
}

/** The statements behind applying a department's own change: who it is about, what the hub held. */
export class DepartmentChangeRepository {
  constructor(private readonly db: Db) {}

  /** The subject the department's own record id is linked to. */
  async linked(system: string, type: string, externalId: string): Promise<string | undefined> {
    const rows: Array<{ subject_id: string }> = await this.db.query(
      `SELECT subject_id FROM system_link WHERE system = $1 AND subject_type = $2 AND external_id = $3`,
      [system, type, externalId],
    );
    return rows[0]?.subject_id;
  }

  /** A resident by ID number, or the active household whose head has it. */
  async byIdNumber(type: 'resident' | 'household', idNumber: string): Promise<string | undefined> {
    const rows: Array<{ id: string }> =
      type === 'resident'
        ? await this.db.query(`SELECT id FROM resident WHERE id_number = $1`, [idNumber])
        : await this.db.query(
            `SELECT h.id FROM household h JOIN resident r ON r.id = h.head_resident_id
              WHERE r.id_number = $1 AND h.status = 'active'`,
            [idNumber],
          );
    return rows[0]?.id;
  }

  /**
   * The one living resident without an ID number whose name, birth date and gender are the
   * registered birth's, in the household of that 户号 (or in one the police have given none yet).
   * Two such children (a hand-entered twin under the same name) match neither: a person decides.
   */
  async newbornAwaitingNumber(birth: RegisteredBirth): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT r.id FROM resident r
         LEFT JOIN household_member m ON m.resident_id = r.id AND m.left_on IS NULL
         LEFT JOIN household h ON h.id = m.household_id
        WHERE r.id_number IS NULL AND r.name = $1 AND r.birth_date = $2 AND r.gender = $3
          AND r.life_status = 'alive' AND r.merged_into IS NULL
          AND ($4::text IS NULL OR h.household_no IS NULL OR h.household_no = $4)
        LIMIT 2`,
      [birth.name, birth.birthDate, birth.gender, birth.householdNo],
    );
    return rows.length === 1 ? rows[0].id : undefined;
  }

  /** Keeps the department's record id for the subject; another subject linked to it keeps it. */
  async keepLink(system: string, type: string, subjectId: string, externalId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO system_link (system, subject_type, subject_id, external_id, present)
       SELECT $1, $2, $3, $4, true
        WHERE NOT EXISTS (SELECT 1 FROM system_link WHERE system = $1 AND subject_type = $2 AND external_id = $4)
       ON CONFLICT (system, subject_type, subject_id) DO UPDATE SET external_id = EXCLUDED.external_id, updated_at = now()`,
      [system, type, subjectId, externalId],
    );
  }

  /** Whether any earlier version of the resident held the value in the column. */
  async heldEarlier(residentId: string, column: string, value: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM resident_version WHERE resident_id = $1 AND rtrim(state->>$2) = $3 LIMIT 1`,
      [residentId, column, value],
    );
    return rows.length > 0;
  }

  /** A change about someone the hub does not know, kept for a person to place (ID number masked). */
  async hold(
    system: string,
    externalId: string | null,
    maskedIdNumber: string | null,
    payload: unknown,
    reason: string,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO inbound_holding (system, external_id, id_number_masked, payload, reason) VALUES ($1, $2, $3, $4, $5)`,
      [system, externalId, maskedIdNumber, JSON.stringify(payload), reason],
    );
  }
}
