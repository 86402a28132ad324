import { Injectable } from '@nestjs/common';
import { goldenFields } from '@hub/matching';
import { RecordError, seesPersonalData, type Actor } from '@hub/record';
import { DataSource, type EntityManager } from 'typeorm';
import { derivedGoldenId } from './golden-ids';
import { GoldenMembershipRepository } from './golden-membership.repository';
import { GoldenPersonRepository } from './golden-person.repository';
import { MatchDecisionRepository } from './match-decision.repository';
import { MatchReviewRepository } from './match-review.repository';
import { ResidentMergeRepository } from './promotion/resident-merge.repository';
import { SourceRecordRepository, type StagedPerson } from './source-record.repository';

const keyOf = (p: StagedPerson) => `${p.system}/${p.recordId}`;

/** Only those who may see residents' personal data review duplicates (not IT operators). */
function assertReviewer(actor: Actor): void {
  if (!seesPersonalData(actor)) throw new RecordError('forbidden', '您的角色不能处理重复人员审核');
}

/** The repositories of one decision, all on its transaction. */
class Decision {
  readonly reviews: MatchReviewRepository;
  readonly decisions: MatchDecisionRepository;
  readonly golden: GoldenPersonRepository;
  readonly membership: GoldenMembershipRepository;
  readonly sources: SourceRecordRepository;

  constructor(tx: EntityManager) {
    this.reviews = new MatchReviewRepository(tx);
    this.decisions = new MatchDecisionRepository(tx);
    this.golden = new GoldenPersonRepository(tx);
    this.membership = new GoldenMembershipRepository(tx);
    this.sources = new SourceRecordRepository(tx);
  }
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
      const d = new Decision(tx);
      const review = await this.pendingReview(d, reviewId, actor);
      const [a, b] = await d.membership.records([review.aRecord, review.bRecord]);
      await d.decisions.record('merge', a, b, actor.userId);
      // Records not resolved yet (no golden id) join with the pair itself.
      const members = [
        ...new Map(
          [...(await this.membersOf(d, [a.goldenId, b.goldenId])), a, b].map((m) => [m.rowId, m]),
        ).values(),
      ];
      // The golden record with more sources keeps its id, as a re-run would decide.
      const ids = [
        ...new Set(
          [a.goldenId ?? (await this.freshId(d, keyOf(a))), b.goldenId].filter((x): x is string => !!x),
        ),
      ];
      const size = (id: string) => members.filter((m) => m.goldenId === id).length;
      const keep = ids.sort((x, y) => size(y) - size(x) || (x < y ? -1 : 1))[0];
      await this.writeGolden(d, keep, members);
      for (const other of ids.filter((id) => id !== keep)) {
        await d.golden.retire(other);
        await d.golden.addHistory(other, 'merged-into', { into: keep, review: reviewId }, actor.userId);
      }
      await d.golden.addHistory(
        keep,
        'merged',
        { absorbed: ids.filter((id) => id !== keep), review: reviewId },
        actor.userId,
      );
      await d.reviews.close(reviewId, 'merged', actor.userId);
      await this.supersedeAnswered(d, keep, keep);
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
      const d = new Decision(tx);
      const review = await this.pendingReview(d, reviewId, actor);
      const [a, b] = await d.membership.records([review.aRecord, review.bRecord]);
      await d.decisions.record('keep_apart', a, b, actor.userId);
      await d.reviews.close(reviewId, 'kept_apart', actor.userId);
      if (a.goldenId && b.goldenId) await this.supersedeAnswered(d, a.goldenId, b.goldenId);
    });
  }

  /** Splits a golden record into one per source record; they are kept apart from then on. */
  async unmerge(goldenId: string, actor: Actor): Promise<{ goldenIds: string[] }> {
    assertReviewer(actor);
    return this.db.transaction(async (tx) => {
      const d = new Decision(tx);
      if (!(await d.golden.lockActiveInScope(goldenId, actor))) throw RecordError.notFound('人员');
      const members = (await this.membersOf(d, [goldenId])).sort((x, y) => (keyOf(x) < keyOf(y) ? -1 : 1));
      if (members.length < 2) {
        throw RecordError.invalid([{ field: 'goldenId', message: '该人员只有一条来源记录，无需拆分' }]);
      }
      await d.decisions.revokeMergesAmong(members.map(keyOf));
      const ids: string[] = [goldenId];
      for (const member of members.slice(1)) ids.push(await this.freshId(d, keyOf(member)));
      for (let i = 0; i < members.length; i++) {
        await this.writeGolden(d, ids[i], [members[i]]);
        for (let j = i + 1; j < members.length; j++)
          await d.decisions.record('keep_apart', members[i], members[j], actor.userId);
        if (i > 0) await d.golden.addHistory(ids[i], 'split-from', { from: goldenId }, actor.userId);
      }
      await d.golden.addHistory(goldenId, 'unmerged', { into: ids.slice(1) }, actor.userId);
      await new ResidentMergeRepository(tx).split(goldenId, actor.userId);
      return { goldenIds: ids };
    });
  }

  private async pendingReview(d: Decision, reviewId: string, actor: Actor) {
    const review = await d.reviews.lockInScope(reviewId, actor);
    if (!review) throw RecordError.notFound('审核记录');
    if (review.status !== 'pending') throw new RecordError('conflict', '该条审核已处理过，请刷新列表');
    return review;
  }

  private membersOf(d: Decision, goldenIds: Array<string | null>): Promise<StagedPerson[]> {
    return d.sources.ofGolden(goldenIds.filter((id): id is string => !!id));
  }

  /** Points the members at `id` and recomputes its values from exactly those records. */
  private async writeGolden(d: Decision, id: string, members: StagedPerson[]): Promise<void> {
    await d.golden.upsert(id, goldenFields(members));
    await d.membership.assign(
      id,
      members.map((m) => m.rowId),
    );
  }

  private async freshId(d: Decision, key: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const id = derivedGoldenId(key, attempt);
      if (!(await d.golden.exists(id))) return id;
    }
  }

  /**
   * Other pending pairs between the same two golden records (or within one, after a merge) ask a
   * question just answered; left open, a second answer could contradict the first.
   */
  private supersedeAnswered(d: Decision, x: string, y: string): Promise<void> {
    return d.reviews.supersedeBetween(x, y);
  }
}
