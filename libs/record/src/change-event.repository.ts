import type { EntityManager } from 'typeorm';
import type { Actor, ChangeSource } from './actor';
import type { TouchedSubject } from './change-context';

/** What one change wrote: its kind, where it came from, the subjects it touched and who made it. */
export interface ChangeEvent {
  kind: string;
  source: ChangeSource;
  /** The first is the audit row's subject. */
  subjects: readonly TouchedSubject[];
  actor: Actor;
  /** Why, in the worker's words; kept on each version and in the audit row. */
  reason: string | null;
}

/** The record of a change, written in the change's own transaction. */
export class ChangeEventRepository {
  constructor(private readonly tx: EntityManager) {}

  /**
   * Outbox event, version rows and the audit row in one statement (one round trip): a
   * registration is on the hot path of every community office. Returns the event's id.
   */
  async write({ kind, source, subjects, actor, reason }: ChangeEvent): Promise<string> {
    const residentIds = subjects.filter((s) => s.type === 'resident').map((s) => s.id);
    const householdIds = subjects.filter((s) => s.type === 'household').map((s) => s.id);
    const primary = subjects[0];
    const rows: Array<{ id: string }> = await this.tx.query(
      `WITH event AS (
         INSERT INTO outbox_event (kind, source, subjects, actor_id, correlation_id)
         VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING id
       ), resident_versions AS (
         INSERT INTO resident_version (resident_id, version, state, change_kind, source, event_id, changed_by, reason)
         SELECT r.id, r.version, to_jsonb(r) - 'field_sources', $1, $2, (SELECT id FROM event), $4, $12
           FROM resident r WHERE r.id = ANY($6::uuid[])
         RETURNING resident_id, version, state
       ), household_versions AS (
         INSERT INTO household_version (household_id, version, state, change_kind, source, event_id, changed_by, reason)
         SELECT h.id, h.version, (to_jsonb(h) - 'field_sources') || jsonb_build_object('members', COALESCE(
             (SELECT jsonb_agg(jsonb_build_object('residentId', m.resident_id, 'relation', m.relation,
                'joinedOn', m.joined_on) ORDER BY m.id)
                FROM household_member m WHERE m.household_id = h.id AND m.left_on IS NULL), '[]'::jsonb)),
           $1, $2, (SELECT id FROM event), $4, $12
           FROM household h WHERE h.id = ANY($7::uuid[])
         RETURNING household_id, version, state
       ), audit AS (
         -- Before and after come from the version rows: what was audited is what was stored.
         INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, community_code,
                                before, after, correlation_id)
         SELECT $4, $8, $1, $9, $10, $11,
           COALESCE((SELECT jsonb_object_agg('resident:' || p.resident_id, p.state)
                       FROM resident_versions c JOIN resident_version p
                         ON p.resident_id = c.resident_id AND p.version = c.version - 1), '{}'::jsonb)
           || COALESCE((SELECT jsonb_object_agg('household:' || p.household_id, p.state)
                       FROM household_versions c JOIN household_version p
                         ON p.household_id = c.household_id AND p.version = c.version - 1), '{}'::jsonb),
           COALESCE((SELECT jsonb_object_agg('resident:' || resident_id, state) FROM resident_versions), '{}'::jsonb)
           || COALESCE((SELECT jsonb_object_agg('household:' || household_id, state) FROM household_versions), '{}'::jsonb)
           || CASE WHEN $12::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('reason', $12::text) END,
           $5
       )
       SELECT id FROM event`,
      [
        kind,
        source,
        JSON.stringify(subjects),
        actor.userId,
        actor.correlationId ?? null,
        residentIds,
        householdIds,
        actor.role,
        primary.type,
        primary.id,
        actor.communityCode,
        reason,
      ],
    );
    return rows[0].id;
  }
}
