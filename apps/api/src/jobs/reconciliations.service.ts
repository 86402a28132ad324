import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import { seesPersonalData, type Actor } from '@hub/record';
import { shownText } from '../common/embedded-ids';
import { ReconciliationRunRepository, type RunDifference } from './reconciliation-run.repository';

const NAME_OF = new Map<string, string>(DEPARTMENT_SYSTEMS.map((s) => [s.slug, s.name]));

/**
 * The latest reconciliation of each system (from the console or the nightly run). Differences
 * carry the compared values; who does not see personal data gets the field names only.
 */
@Injectable()
export class Reconciliations {
  private readonly runs: ReconciliationRunRepository;

  constructor(db: DataSource) {
    this.runs = new ReconciliationRunRepository(db);
  }

  async latest(actor: Actor): Promise<Array<Record<string, unknown>>> {
    const rows = await this.runs.latestPerSystem();
    const personal = seesPersonalData(actor);
    return rows.map((row) => ({
      ...row,
      name: NAME_OF.get(row.system) ?? row.system,
      error: shownText(row.error, personal),
      differences: personal ? row.differences : row.differences.map(withoutValues),
    }));
  }
}

/** Field names without the compared values; a record id built from an ID number masked. */
function withoutValues(difference: RunDifference): RunDifference {
  const externalId = typeof difference.externalId === 'string' ? difference.externalId : null;
  return {
    ...difference,
    ...(externalId ? { externalId: shownText(externalId, false) } : {}),
    ...(difference.fields
      ? { fields: difference.fields.map(({ field }) => ({ field, hub: '***', department: '***' })) }
      : {}),
  };
}
