import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import { seesPersonalData, type Actor } from '@hub/record';
import { shownText } from '../common/embedded-ids';

const NAME_OF = new Map<string, string>(DEPARTMENT_SYSTEMS.map((s) => [s.slug, s.name]));

type Difference = { fields?: Array<{ field: string; hub: unknown; department: unknown }> } & Record<
  string,
  unknown
>;

/**
 * The latest reconciliation of each system (from the console or the nightly run). Differences
 * carry the compared values; who does not see personal data gets the field names only.
 */
@Injectable()
export class Reconciliations {
  constructor(private readonly db: DataSource) {}

  async latest(actor: Actor): Promise<Array<Record<string, unknown>>> {
    const rows: Array<Record<string, unknown> & { system: string; differences: Difference[] }> =
      await this.db.query(
        `SELECT DISTINCT ON (system) id::text AS id, system, status, repair, expected, held, missing,
                extra, different, duplicates, repaired, differences, error, job_id AS "jobId",
                started_at AS "startedAt", finished_at AS "finishedAt"
           FROM reconciliation_run ORDER BY system, finished_at DESC, id DESC`,
      );
    const personal = seesPersonalData(actor);
    return rows.map((row) => ({
      ...row,
      name: NAME_OF.get(row.system) ?? row.system,
      error: shownText(row.error as string | null, personal),
      differences: personal ? row.differences : row.differences.map(withoutValues),
    }));
  }
}

/** Field names without the compared values; a record id built from an ID number masked. */
function withoutValues(difference: Difference): Difference {
  const externalId = typeof difference.externalId === 'string' ? difference.externalId : null;
  return {
    ...difference,
    ...(externalId ? { externalId: shownText(externalId, false) } : {}),
    ...(difference.fields
      ? { fields: difference.fields.map(({ field }) => ({ field, hub: '***', department: '***' })) }
      : {}),
  };
}
