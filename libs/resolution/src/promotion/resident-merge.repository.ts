import type { EntityManager } from 'typeorm';

/**
 * Two promoted residents found to be one person after go-live: the golden record's resident
 * survives, the other retires with a redirect (`merged_into`). Links move to the survivor where
 * it has none in that system; where it has one, the department holds the person twice (the hub
 * cannot merge inside a department: the duplicate report lists them). An unmerge splits them back.
 */
export class ResidentMergeRepository {
  constructor(private readonly tx: EntityManager) {}

  /** After golden records `absorbed` were merged into `keep`; returns the retired residents. */
  async merge(keep: string, absorbed: readonly string[], actorId: string): Promise<string[]> {
    const rows: Array<{ id: string; golden_id: string; links: number }> = await this.tx.query(
      `SELECT r.id, r.golden_id,
              (SELECT count(*)::int FROM system_link l WHERE l.subject_type = 'resident' AND l.subject_id = r.id) AS links
         FROM resident r WHERE r.golden_id = ANY($1::uuid[]) AND r.merged_into IS NULL ORDER BY r.id FOR UPDATE`,
      [[keep, ...absorbed]],
    );
    if (rows.length < 2) {
      // At most one of them was promoted: it becomes the merged golden record's resident.
      if (rows[0] && rows[0].golden_id !== keep)
        await this.tx.query(`UPDATE resident SET golden_id = $2 WHERE id = $1`, [rows[0].id, keep]);
      return [];
    }
    const survivor = rows.find((r) => r.golden_id === keep) ?? rows[0];
    const retired = rows.filter((r) => r.id !== survivor.id).map((r) => r.id);
    await this.tx.query(
      `UPDATE resident SET merged_into = $2, golden_id = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [retired, survivor.id],
    );
    await this.tx.query(`UPDATE resident SET golden_id = $2 WHERE id = $1`, [survivor.id, keep]);
    for (const id of retired) {
      await this.tx.query(
        `UPDATE system_link l SET subject_id = $2, updated_at = now()
          WHERE l.subject_type = 'resident' AND l.subject_id = $1
            AND NOT EXISTS (SELECT 1 FROM system_link k WHERE k.system = l.system AND k.subject_type = 'resident'
                              AND k.subject_id = $2)`,
        [id, survivor.id],
      );
      await this.tx.query(
        `UPDATE data_finding f SET subject_id = $2
          WHERE f.subject_type = 'resident' AND f.subject_id = $1
            AND NOT EXISTS (SELECT 1 FROM data_finding g WHERE g.subject_type = 'resident' AND g.subject_id = $2
                              AND g.field = f.field)`,
        [id, survivor.id],
      );
    }
    await this.tx.query(
      `UPDATE household_member SET left_on = current_date, left_reason = 'merged'
        WHERE resident_id = ANY($1::uuid[]) AND left_on IS NULL`,
      [retired],
    );
    await this.audit(actorId, 'resident.merged', survivor.id, { retired });
    return retired;
  }

  /**
   * After a golden record was split: each resident merged into its resident whose department
   * records are among the split ones comes back, with the links of its records and its household.
   */
  async split(goldenId: string, actorId: string): Promise<string[]> {
    const rows: Array<{ id: string; survivor: string }> = await this.tx.query(
      `SELECT o.id, o.merged_into AS survivor FROM resident o JOIN resident k ON k.id = o.merged_into
        WHERE k.golden_id = $1 FOR UPDATE OF o`,
      [goldenId],
    );
    for (const { id, survivor } of rows) {
      await this.tx.query(`UPDATE resident SET merged_into = NULL, updated_at = now() WHERE id = $1`, [id]);
      // Its own department records: their links go back with it.
      await this.tx.query(
        `UPDATE system_link l SET subject_id = $1, updated_at = now()
          WHERE l.subject_type = 'resident' AND l.subject_id = $2
            AND EXISTS (SELECT 1 FROM source_record_resident sr JOIN source_record s ON s.id = sr.source_record_id
                         WHERE sr.resident_id = $1 AND s.system = l.system
                          AND (l.external_id = s.record_id OR l.external_id IS NULL))
            AND NOT EXISTS (SELECT 1 FROM system_link k WHERE k.system = l.system AND k.subject_type = 'resident'
                              AND k.subject_id = $1)`,
        [id, survivor],
      );
      await this.tx.query(
        `INSERT INTO household_member (household_id, resident_id, relation, joined_on)
         SELECT m.household_id, m.resident_id, m.relation, m.joined_on FROM household_member m
          WHERE m.resident_id = $1 AND m.left_reason = 'merged'
            AND NOT EXISTS (SELECT 1 FROM household_member c WHERE c.resident_id = $1 AND c.left_on IS NULL)
          ORDER BY m.id DESC LIMIT 1`,
        [id],
      );
      await this.audit(actorId, 'resident.unmerged', id, { from: survivor });
    }
    return rows.map((r) => r.id);
  }

  private async audit(actorId: string, action: string, residentId: string, after: unknown): Promise<void> {
    await this.tx.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, community_code, after)
       SELECT $1, (SELECT role FROM app_user WHERE id = $1), $2, 'resident', r.id, r.community_code, $4
         FROM resident r WHERE r.id = $3`,
      [actorId, action, residentId, JSON.stringify(after)],
    );
  }
}
