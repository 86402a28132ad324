import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maskName } from '@hub/domain';
import { canSeeCorrections, RecordError, scopeCondition, seesPersonalData, type Actor } from '@hub/record';
import { presentSystems, type LedgerRow, type SystemDelivery, type ViewOptions } from './delivery-view';

export interface SubjectDeliveries {
  subject: { type: 'resident' | 'household'; id: string; version: number };
  systems: SystemDelivery[];
}

export interface HouseholdDeliveries {
  household: SubjectDeliveries;
  members: Array<{ residentId: string; name: string; version: number; systems: SystemDelivery[] }>;
}

/**
 * "Where did my change go": per department system, the latest ledger row of a resident or a
 * household (and its members). Read within the actor's scope, like the record itself.
 */
@Injectable()
export class SubjectDeliveriesService {
  constructor(private readonly db: DataSource) {}

  async resident(actor: Actor, id: string): Promise<SubjectDeliveries> {
    const params: unknown[] = [id];
    const rows: Array<{ version: number }> = await this.db.query(
      `SELECT version FROM resident r WHERE r.id = $1 AND ${scopeCondition(actor, 'r.community_code', params)}`,
      params,
    );
    if (!rows[0]) throw RecordError.notFound('居民');
    const [ledger, paused] = await Promise.all([this.latest('resident', [id]), this.pausedSystems()]);
    return {
      subject: { type: 'resident', id, version: rows[0].version },
      systems: presentSystems(ledger.get(id) ?? [], this.options(actor, rows[0].version, paused)),
    };
  }

  async household(actor: Actor, id: string): Promise<HouseholdDeliveries> {
    const params: unknown[] = [id];
    const rows: Array<{ version: number }> = await this.db.query(
      `SELECT version FROM household h WHERE h.id = $1 AND ${scopeCondition(actor, 'h.community_code', params)}`,
      params,
    );
    if (!rows[0]) throw RecordError.notFound('户');
    const members: Array<{ id: string; name: string; version: number }> = await this.db.query(
      `SELECT r.id, r.name, r.version FROM household_member m JOIN resident r ON r.id = m.resident_id
        WHERE m.household_id = $1 AND m.left_on IS NULL ORDER BY m.id`,
      [id],
    );
    const [own, theirs, paused] = await Promise.all([
      this.latest('household', [id]),
      this.latest(
        'resident',
        members.map((m) => m.id),
      ),
      this.pausedSystems(),
    ]);
    const personal = seesPersonalData(actor);
    return {
      household: {
        subject: { type: 'household', id, version: rows[0].version },
        systems: presentSystems(own.get(id) ?? [], this.options(actor, rows[0].version, paused)),
      },
      members: members.map((m) => ({
        residentId: m.id,
        name: personal ? m.name : maskName(m.name),
        version: m.version,
        systems: presentSystems(theirs.get(m.id) ?? [], this.options(actor, m.version, paused)),
      })),
    };
  }

  private options(actor: Actor, currentVersion: number, paused: ReadonlySet<string>): ViewOptions {
    return {
      currentVersion,
      paused,
      seesCorrections: canSeeCorrections(actor),
      seesPersonalData: seesPersonalData(actor),
    };
  }

  /** The systems whose queues an operator has paused. */
  private async pausedSystems(): Promise<ReadonlySet<string>> {
    const rows: Array<{ system: string }> = await this.db.query(
      `SELECT system FROM connector_state WHERE paused`,
    );
    return new Set(rows.map((r) => r.system));
  }

  /** Per subject id, its latest row in each system. */
  private async latest(type: string, ids: string[]): Promise<Map<string, LedgerRow[]>> {
    const byId = new Map<string, LedgerRow[]>();
    if (ids.length === 0) return byId;
    const rows: Array<LedgerRow & { subject_id: string }> = await this.db.query(
      `SELECT DISTINCT ON (subject_id, system) subject_id, system, version, status, action, attempts,
              error_kind, last_error, updated_at
         FROM delivery WHERE subject_id = ANY($1::uuid[]) AND subject_type = $2
        ORDER BY subject_id, system, version DESC`,
      [ids, type],
    );
    for (const row of rows) byId.set(row.subject_id, [...(byId.get(row.subject_id) ?? []), row]);
    return byId;
  }
}
