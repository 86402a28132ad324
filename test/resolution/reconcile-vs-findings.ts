import type { INestApplicationContext } from '@nestjs/common';
import type { RecordFact } from '@hub/connectors';
import { CONNECTORS, type ConnectorRegistry, ReconcileService } from '@hub/delivery';
import type { DataSource } from 'typeorm';

/** The facts a resident's own record carries, which the worklist compares field by field. */
const PERSON_FACTS: ReadonlySet<RecordFact> = new Set([
  'idNumber',
  'name',
  'gender',
  'birthDate',
  'phone',
  'address',
  'registeredAddress',
  'ethnicity',
  'education',
  'maritalStatus',
  'politicalStatus',
  'livingStatus',
  'registrationType',
]);

export interface ReconcileAgainstFindings {
  /** A resident field reconciliation reports that no finding names (`system|resident|fact`). */
  unexplained: string[];
  /** A department value a finding lists that reconciliation does not report. */
  unreported: string[];
  /** Reported and found, by kind. */
  agreed: { fields: number; holdings: number };
  /** What the worklist does not cover yet (household facts, records linked to nobody), counted. */
  outside: Record<string, number>;
}

type FindingRow = {
  subject_id: string;
  field: string;
  department_values: Array<{ system: string; value: string | null }>;
};

/**
 * Reconciles every department (without repair) and sets its differences beside the open
 * findings: a resident field difference is explained by a finding of that fact listing that
 * department; a missing or extra record of a resident by its `holding:<system>` finding.
 */
export async function reconcileAgainstFindings(
  context: INestApplicationContext,
  db: DataSource,
): Promise<ReconcileAgainstFindings> {
  const reconciler = context.get(ReconcileService);
  const connectors = context.get<symbol, ConnectorRegistry>(CONNECTORS);
  const rows: FindingRow[] = await db.query(
    `SELECT subject_id, field, department_values FROM data_finding WHERE status = 'open' AND subject_type = 'resident'`,
  );
  const disputed: Array<{ key: string }> = await db.query(
    `SELECT system || '|' || subject_id AS key FROM system_link WHERE disputed AND present`,
  );
  // A department holding someone its rule leaves out is the holding finding; reconciliation
  // compares nobody it does not cover, so the fields it holds of them are the finding's alone.
  const heldOutside = new Set(disputed.map((d) => d.key));
  const found = new Set<string>();
  for (const f of rows) {
    if (f.field.startsWith('holding:')) {
      found.add(`${f.field.slice('holding:'.length)}|${f.subject_id}|holding`);
      continue;
    }
    for (const v of f.department_values)
      if (!heldOutside.has(`${v.system}|${f.subject_id}`))
        found.add(`${v.system}|${f.subject_id}|${f.field}`);
  }
  const reported = new Set<string>();
  const outside: Record<string, number> = {};
  const count = (what: string) => (outside[what] = (outside[what] ?? 0) + 1);
  for (const system of reconciler.systems()) {
    const facts = connectors.get(system)!.exportReader!.fields;
    const report = await reconciler.reconcile(system, { shown: Number.MAX_SAFE_INTEGER });
    for (const d of report.differences) {
      if (d.kind === 'duplicate') count(`${system}: duplicate`);
      else if (d.kind !== 'different') {
        if (d.subjectType === 'resident' || (d.kind === 'extra' && d.subjectId))
          reported.add(`${system}|${d.subjectId}|holding`);
        else count(`${system}: ${d.kind} ${d.subjectType ?? 'record linked to nobody'}`);
      } else
        for (const field of d.fields ?? []) {
          const fact = facts[field.field];
          if (d.subjectType === 'resident' && fact && PERSON_FACTS.has(fact))
            reported.add(`${system}|${d.subjectId}|${fact}`);
          else count(`${system}: ${d.subjectType} ${field.field}`);
        }
    }
  }
  const unexplained = [...reported].filter((key) => !found.has(key));
  const unreported = [...found].filter((key) => !reported.has(key));
  const holdings = [...reported].filter((key) => key.endsWith('|holding') && found.has(key)).length;
  return {
    unexplained,
    unreported,
    agreed: { fields: reported.size - unexplained.length - holdings, holdings },
    outside,
  };
}
