import { Injectable } from '@nestjs/common';
import { goldenFields } from '@hub/matching';
import { RecordError, scopeCondition, seesPersonalData, type Actor } from '@hub/record';
import { DataSource, type EntityManager } from 'typeorm';
import { derivedGoldenId } from './golden-ids';
import { ResidentMergeRepository } from './promotion/resident-merge.repository';
import { toStaged, type StagedPerson } from './source-store';

const keyOf = (p: StagedPerson) => `${p.system}/${p.recordId}`;

/** Only those who may see residents' personal data review duplicates (not IT operators). */
function assertReviewer(actor: Actor): void {
  if (!seesPersonalData(actor)) throw new RecordError('forbidden', '您的角色不能处理重复人员审核');
}

/**
 * The people's side of de-duplication: merge a proposed pair, keep it apart (remembered, never
 * proposed again), unmerge a golden record back into its source records. Every step is recorded
 * as a decision by source keys (so re-imports respect it) and in the golden record's history.
 */
@Injectable()
export class ReviewService {
  constructor(private readonly db: DataSource) {}

  async merge(reviewId: string, actor: Actor): Promise<{ goldenId: string }> {
    assertReviewer(actor);
    return this.db.transaction(async (tx) => {
      const review = await this.pendingReview(tx, reviewId, actor);
      const [a, b] = await this.records(tx, [review.a_record, review.b_record]);
      await this.decide(tx, 'merge', a, b, actor);
      // Records not resolved yet (no golden id) join with the pair itself.
      const members = [
        ...new Map(
          [...(await this.membersOf(tx, [a.goldenId, b.goldenId])), a, b].map((m) => [m.rowId, m]),
        ).values(),
      ];
      // The golden record with more sources keeps its id, as a re-run would decide.
      const ids = [
        ...new Set(
          [a.goldenId ?? (await this.freshId(tx, keyOf(a))), b.goldenId].filter((x): x is string => !!x),
        ),
      ];
      const size = (id: string) => members.filter((m) => m.goldenId === id).length;
      const keep = ids.sort((x, y) => size(y) - size(x) || (x < y ? -1 : 1))[0];
      await this.writeGolden(tx, keep, members);
      for (const other of ids.filter((id) => id !== keep)) {
        await tx.query(`UPDATE golden_person SET status = 'retired', updated_at = now() WHERE id = $1`, [
          other,
        ]);
        await this.history(tx, other, 'merged-into', { into: keep, review: reviewId }, actor);
      }
      await this.history(
        tx,
        keep,
        'merged',
        { absorbed: ids.filter((id) => id !== keep), review: reviewId },
        actor,
      );
      await this.close(tx, reviewId, 'merged', actor);
      await this.supersedeAnswered(tx, keep, keep);
      // Promoted already: the two residents become one too.
      await new ResidentMergeRepository(tx).merge(
        keep,
        ids.filter((id) => id !== keep),
        actor.userId,
      );
      return { goldenId: keep };
    });
  }

  async keepApart(reviewId: string, actor: Actor): Promise<void> {
    assertReviewer(actor);
    await this.db.transaction(async (tx) => {
      const review = await this.pendingReview(tx, reviewId, actor);
      const [a, b] = await this.records(tx, [review.a_record, review.b_record]);
      await this.decide(tx, 'keep_apart', a, b, actor);
      await this.close(tx, reviewId, 'kept_apart', actor);
      if (a.goldenId && b.goldenId) await this.supersedeAnswered(tx, a.goldenId, b.goldenId);
    });
  }

  /** Splits a golden record into one per source record; they are kept apart from then on. */
  async unmerge(goldenId: string, actor: Actor): Promise<{ goldenIds: string[] }> {
    assertReviewer(actor);
    return this.db.transaction(async (tx) => {
      const params: unknown[] = [goldenId];
      const found: unknown[] = await tx.query(
        `SELECT 1 FROM golden_person WHERE id = $1 AND status = 'active' AND ${scopeCondition(actor, 'community_code', params)}
           FOR UPDATE`,
        params,
      );
      if (found.length === 0) throw RecordError.notFound('人员');
      const members = (await this.membersOf(tx, [goldenId])).sort((x, y) => (keyOf(x) < keyOf(y) ? -1 : 1));
      if (members.length < 2) {
        throw RecordError.invalid([{ field: 'goldenId', message: '该人员只有一条来源记录，无需拆分' }]);
      }
      await tx.query(
        `UPDATE match_decision SET revoked_at = now()
          WHERE kind = 'merge' AND revoked_at IS NULL
            AND (a_system || '/' || a_record_id) = ANY($1) AND (b_system || '/' || b_record_id) = ANY($1)`,
        [members.map(keyOf)],
      );
      const ids: string[] = [goldenId];
      for (const member of members.slice(1)) ids.push(await this.freshId(tx, keyOf(member)));
      for (let i = 0; i < members.length; i++) {
        await this.writeGolden(tx, ids[i], [members[i]]);
        for (let j = i + 1; j < members.length; j++)
          await this.decide(tx, 'keep_apart', members[i], members[j], actor);
        if (i > 0) await this.history(tx, ids[i], 'split-from', { from: goldenId }, actor);
      }
      await this.history(tx, goldenId, 'unmerged', { into: ids.slice(1) }, actor);
      await new ResidentMergeRepository(tx).split(goldenId, actor.userId);
      return { goldenIds: ids };
    });
  }

  private async pendingReview(tx: EntityManager, reviewId: string, actor: Actor) {
    const params: unknown[] = [reviewId];
    const rows: Array<{ a_record: string; b_record: string; status: string }> = await tx.query(
      `SELECT a_record, b_record, status FROM match_review
        WHERE id = $1 AND ${scopeCondition(actor, 'community_code', params)} FOR UPDATE`,
      params,
    );
    if (!rows[0]) throw RecordError.notFound('审核记录');
    if (rows[0].status !== 'pending') throw new RecordError('conflict', '该条审核已处理过，请刷新列表');
    return rows[0];
  }

  private async records(tx: EntityManager, rowIds: string[]): Promise<StagedPerson[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT * FROM source_record WHERE id = ANY($1::bigint[]) ORDER BY array_position($1::bigint[], id)`,
      [rowIds],
    );
    return rows.map(toStaged);
  }

  private async membersOf(tx: EntityManager, goldenIds: Array<string | null>): Promise<StagedPerson[]> {
    const rows: Array<Record<string, unknown>> = await tx.query(
      `SELECT * FROM source_record WHERE golden_id = ANY($1::uuid[]) ORDER BY system, record_id`,
      [goldenIds.filter(Boolean)],
    );
    return rows.map(toStaged);
  }

  /** Points the members at `id` and recomputes its values from exactly those records. */
  private async writeGolden(tx: EntityManager, id: string, members: StagedPerson[]): Promise<void> {
    const f = goldenFields(members);
    await tx.query(
      `INSERT INTO golden_person (id, id_number, name, gender, birth_date, phone, address, attributes, community_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET id_number = $2, name = $3, gender = $4, birth_date = $5, phone = $6,
         address = $7, attributes = $8, community_code = $9, status = 'active', updated_at = now()`,
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
    await tx.query(`UPDATE source_record SET golden_id = $1 WHERE id = ANY($2::bigint[])`, [
      id,
      members.map((m) => m.rowId),
    ]);
  }

  private async freshId(tx: EntityManager, key: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const id = derivedGoldenId(key, attempt);
      const rows: unknown[] = await tx.query(`SELECT 1 FROM golden_person WHERE id = $1`, [id]);
      if (rows.length === 0) return id;
    }
  }

  private async decide(tx: EntityManager, kind: string, a: StagedPerson, b: StagedPerson, actor: Actor) {
    await tx.query(
      `INSERT INTO match_decision (kind, a_system, a_record_id, b_system, b_record_id, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [kind, a.system, a.recordId, b.system, b.recordId, actor.userId],
    );
  }

  private async close(tx: EntityManager, reviewId: string, status: string, actor: Actor) {
    await tx.query(`UPDATE match_review SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1`, [
      reviewId,
      status,
      actor.userId,
    ]);
  }

  /**
   * Other pending pairs between the same two golden records (or within one, after a merge) ask a
   * question just answered; left open, a second answer could contradict the first.
   */
  private async supersedeAnswered(tx: EntityManager, x: string, y: string): Promise<void> {
    await tx.query(
      `UPDATE match_review r SET status = 'superseded'
         FROM source_record a, source_record b
        WHERE r.status = 'pending' AND a.id = r.a_record AND b.id = r.b_record
          AND ((a.golden_id = $1 AND b.golden_id = $2) OR (a.golden_id = $2 AND b.golden_id = $1))`,
      [x, y],
    );
  }

  private async history(tx: EntityManager, goldenId: string, action: string, detail: object, actor: Actor) {
    await tx.query(`INSERT INTO golden_history (golden_id, action, detail, actor) VALUES ($1, $2, $3, $4)`, [
      goldenId,
      action,
      JSON.stringify(detail),
      actor.userId,
    ]);
  }
}
