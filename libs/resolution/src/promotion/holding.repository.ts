import type { DataSource } from 'typeorm';

/** A department record of a resident as the links hold it. */
export interface HeldLink {
  residentId: string;
  system: string;
  externalId: string | null;
  present: boolean;
}

/** A department that holds a person its rule leaves out, or lacks one it covers. */
export interface Dispute {
  residentId: string;
  communityCode: string;
  system: string;
  systemName: string;
  held: HeldLink | null;
  /** The hub's rule says the system covers the person. */
  covered: boolean;
}

/** The statements of the go-live holding check: the links it reads, the disputes it records. */
export class HoldingRepository {
  constructor(private readonly db: DataSource) {}

  /** The residents this promotion created (its working table still holds them), chunk by chunk. */
  async *newResidents(chunk: number): AsyncGenerator<string[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<{ id: string }> = await this.db.query(
        `SELECT resident_id AS id FROM promote_person
          WHERE is_new AND resident_id > $1 ORDER BY resident_id LIMIT $2`,
        [after, chunk],
      );
      if (rows.length === 0) return;
      yield rows.map((r) => r.id);
      after = rows[rows.length - 1].id;
    }
  }

  async links(residentIds: readonly string[]): Promise<HeldLink[]> {
    const rows: Array<{ subject_id: string; system: string; external_id: string | null; present: boolean }> =
      await this.db.query(
        `SELECT subject_id, system, external_id, present FROM system_link
          WHERE subject_type = 'resident' AND subject_id = ANY($1::uuid[])`,
        [residentIds],
      );
    return rows.map((r) => ({
      residentId: r.subject_id,
      system: r.system,
      externalId: r.external_id,
      present: r.present,
    }));
  }

  /**
   * Each dispute marks its link (one is made, holding nothing, where the department lacks the
   * person) and goes on the worklist as the field `holding:<system>`.
   */
  async record(disputes: readonly Dispute[]): Promise<void> {
    if (disputes.length === 0) return;
    const rows = JSON.stringify(
      disputes.map((d) => ({
        resident_id: d.residentId,
        community_code: d.communityCode,
        system: d.system,
        record_id: d.held?.externalId ?? null,
        held: d.held?.present ?? false,
        chosen: d.covered ? '应在册' : '不应在册',
        reason: d.covered
          ? `按登记范围应在${d.systemName}在册，该系统中没有此人`
          : `${d.systemName}中在册，但按其登记范围不应在册`,
      })),
    );
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO system_link (system, subject_type, subject_id, external_id, delivered_version, present, disputed)
         SELECT d.system, 'resident', d.resident_id, NULL, r.version, false, true
           FROM jsonb_to_recordset($1::jsonb) AS d(resident_id uuid, system text)
           JOIN resident r ON r.id = d.resident_id
         ON CONFLICT (system, subject_type, subject_id) DO UPDATE SET disputed = true`,
        [rows],
      );
      await tx.query(
        `INSERT INTO data_finding (subject_type, subject_id, community_code, field, chosen_value, chosen_source,
                                   department_values, reason)
         SELECT 'resident', d.resident_id, d.community_code, 'holding:' || d.system, d.chosen, 'rule',
                jsonb_build_array(jsonb_build_object('system', d.system, 'recordId', d.record_id,
                                                     'value', CASE WHEN d.held THEN '在册' ELSE '无' END)),
                d.reason
           FROM jsonb_to_recordset($1::jsonb)
                AS d(resident_id uuid, community_code text, system text, record_id text, held boolean,
                     chosen text, reason text)
         ON CONFLICT (subject_type, subject_id, field) DO NOTHING`,
        [rows],
      );
    });
  }
}
