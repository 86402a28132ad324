import type { ResidentSnapshot } from '@hub/domain';
import { residentsInSet, residentSnapshot } from '@hub/record';
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

/** A resident created by this promotion, as connectors see them, and the departments' records of them. */
export interface NewResident {
  subject: ResidentSnapshot;
  held: HeldLink[];
}

const NEW = `SELECT resident_id FROM promote_person WHERE is_new`;

const NEW_RESIDENTS = residentsInSet(
  NEW,
  ', l.held',
  `LEFT JOIN (SELECT subject_id, jsonb_agg(jsonb_build_array(system, external_id, present)) AS held
                FROM system_link WHERE subject_type = 'resident' AND subject_id IN (${NEW})
               GROUP BY subject_id) l ON l.subject_id = r.id`,
);

function heldLinks(residentId: string, held: unknown): HeldLink[] {
  return ((held ?? []) as Array<[string, string | null, boolean]>).map(([system, externalId, present]) => ({
    residentId,
    system,
    externalId,
    present,
  }));
}

/** The statements of the go-live holding check: the links it reads, the disputes it records. */
export class HoldingRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The residents this promotion created (its working table still holds them) with the links
   * each holds, in batches from one cursor: the city is read in a single pass of hash joins, not
   * chunk by chunk in probes that miss the cache once it outgrows shared buffers.
   */
  async *newResidents(batch: number): AsyncGenerator<NewResident[]> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // Planned for every row, not the first few (a cursor's default), with room to hash the city.
      await runner.query(`SET LOCAL cursor_tuple_fraction = 1`);
      await runner.query(`SET LOCAL work_mem = '256MB'`);
      await runner.query(`DECLARE new_residents NO SCROLL CURSOR FOR ${NEW_RESIDENTS}`);
      for (;;) {
        const rows = (await runner.query(`FETCH ${batch} FROM new_residents`)) as Array<
          Record<string, unknown>
        >;
        if (rows.length === 0) break;
        yield rows.map((row) => ({
          subject: residentSnapshot(row),
          held: heldLinks(String(row.id), row.held),
        }));
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
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
