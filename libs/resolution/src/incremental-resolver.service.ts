import { Injectable } from '@nestjs/common';
import {
  classify,
  comparePeople,
  goldenFields,
  hardRule,
  prepare,
  score,
  type ComparisonVector,
  type MatchClass,
  type Model,
  type SourcePerson,
} from '@hub/matching';
import { DataSource } from 'typeorm';
import { evidenceOf } from './evidence';
import { derivedGoldenId } from './golden-ids';
import { GoldenMembershipRepository } from './golden-membership.repository';
import { GoldenPersonRepository } from './golden-person.repository';
import { GoldenWriter } from './golden-writer';
import { MatchDecisionRepository } from './match-decision.repository';
import { MatchModelRepository } from './match-model.repository';
import { MatchReviewRepository } from './match-review.repository';
import { SourceRecordRepository, type StagedPerson } from './source-record.repository';

/**
 * What became of one record: `linked` to an existing golden record, a new golden record with a
 * `review` pair beside it, a `new` person, an already linked record whose golden record was
 * `refreshed`, or `unchanged` (the same content seen again).
 */
export type IncrementalOutcome = 'linked' | 'review' | 'new' | 'refreshed' | 'unchanged';

interface BestMatch {
  goldenId: string;
  communityCode: string | null;
  likelihood: Exclude<MatchClass, 'non-match'>;
  weight: number;
  member: StagedPerson;
  vector: ComparisonVector;
}

export type StagedWithHash = StagedPerson & { contentHash: string };

const CANDIDATE_LIMIT = 50;

/**
 * Matches one source record as it arrives (an inbound department record) against the golden
 * records, with the model the last full resolution fitted: no waiting for the next re-run. It
 * decides as the full resolution would where it can see as far: two valid ID numbers never join,
 * a kept-apart pair stays apart, an ambiguous or middling match goes to review. A record already
 * linked keeps its golden record (ids stay stable) and only refreshes its field values; the next
 * full re-run may still move it, under the same rules.
 */
@Injectable()
export class IncrementalResolver {
  private readonly store: SourceRecordRepository;
  private readonly writer: GoldenWriter;
  private readonly models: MatchModelRepository;
  private readonly golden: GoldenPersonRepository;
  private readonly membership: GoldenMembershipRepository;
  private readonly decisions: MatchDecisionRepository;
  private readonly reviews: MatchReviewRepository;

  constructor(db: DataSource) {
    this.store = new SourceRecordRepository(db);
    this.writer = new GoldenWriter(db);
    this.models = new MatchModelRepository(db);
    this.golden = new GoldenPersonRepository(db);
    this.membership = new GoldenMembershipRepository(db);
    this.decisions = new MatchDecisionRepository(db);
    this.reviews = new MatchReviewRepository(db);
  }

  /** The latest fitted model; undefined until a full resolution has run. */
  model(): Promise<Model | undefined> {
    return this.models.latest();
  }

  staged(system: string, recordId: string): Promise<StagedWithHash | undefined> {
    return this.store.find(system, recordId);
  }

  /** `before`: the record as staged until now (as `staged()` read it), undefined if never staged. */
  async accept(
    person: SourcePerson,
    before: StagedWithHash | undefined,
    model: Model,
    actor = 'inbound',
  ): Promise<IncrementalOutcome> {
    await this.store.upsert([person], new Date());
    const after = await this.staged(person.system, person.recordId);
    if (!after) throw new Error(`source record ${person.system}/${person.recordId} vanished while staged`);
    if (after.goldenId) {
      if (before?.contentHash === after.contentHash) return 'unchanged';
      await this.refresh(after.goldenId);
      return 'refreshed';
    }
    const best = await this.bestMatch(after, model);
    if (best?.likelihood === 'link') {
      await this.link(after, best.goldenId, actor);
      return 'linked';
    }
    await this.createGolden(after, actor);
    if (!best) return 'new';
    await this.propose(after, best, model);
    return 'review';
  }

  /**
   * The golden record this person most likely is. Candidates come from the golden records' blocking
   * keys; each is scored against its source records (as the full resolution scores pairs), and
   * the best pair stands for it. Two golden records both at link level: nobody can tell which,
   * so the better one is proposed for review instead.
   */
  private async bestMatch(person: StagedPerson, model: Model): Promise<BestMatch | undefined> {
    const candidates = await this.golden.candidates(person, CANDIDATE_LIMIT);
    if (candidates.length === 0) return undefined;
    const members = await this.members(candidates.map((c) => c.id));
    const apart = await this.keptApart(person);
    const prepared = prepare(person);
    const scored: BestMatch[] = [];
    for (const candidate of candidates) {
      const records = members.get(candidate.id) ?? [];
      if (records.some((m) => apart.has(`${m.system}/${m.recordId}`))) continue;
      // Two different valid ID numbers are two people, whatever else agrees.
      if (person.idValid && records.some((m) => m.idValid && m.idNumber !== person.idNumber)) continue;
      let best: BestMatch | undefined;
      for (const member of records) {
        const other = prepare(member);
        if (hardRule(prepared, other) === 'non-match') continue;
        const vector = comparePeople(prepared, other);
        const weight = score(model, vector);
        const likelihood = classify(weight, model.thresholds);
        if (likelihood === 'non-match' || (best && best.weight >= weight)) continue;
        best = {
          goldenId: candidate.id,
          communityCode: candidate.communityCode,
          likelihood,
          weight,
          member,
          vector,
        };
      }
      if (best) scored.push(best);
    }
    scored.sort((x, y) => y.weight - x.weight);
    const [first, second] = scored;
    if (first?.likelihood === 'link' && second?.likelihood === 'link')
      return { ...first, likelihood: 'review' };
    return first;
  }

  private async members(goldenIds: readonly string[]): Promise<Map<string, StagedPerson[]>> {
    const byGolden = new Map<string, StagedPerson[]>();
    for (const row of await this.store.ofGolden(goldenIds)) {
      const list = byGolden.get(row.goldenId ?? '') ?? [];
      list.push(row);
      byGolden.set(row.goldenId ?? '', list);
    }
    return byGolden;
  }

  /** Source keys staff decided are not this record's person. */
  private async keptApart(p: SourcePerson): Promise<Set<string>> {
    return new Set(await this.decisions.keptApartFrom(p));
  }

  private async link(person: StagedPerson, goldenId: string, actor: string): Promise<void> {
    await this.membership.link(person.rowId, goldenId);
    await this.refresh(goldenId);
    await this.history(goldenId, 'linked', person, actor);
  }

  /** A golden record of its own, with the id a full re-run would give this record alone. */
  private async createGolden(person: StagedPerson, actor: string): Promise<string> {
    const key = `${person.system}/${person.recordId}`;
    let id = derivedGoldenId(key);
    for (let attempt = 1; await this.membership.isHeld(id); attempt++) id = derivedGoldenId(key, attempt);
    await this.writer.upsertGolden([
      { id, fields: goldenFields([person]), rowIds: [person.rowId], previous: [null] },
    ]);
    await this.membership.link(person.rowId, id);
    await this.history(id, 'created', person, actor);
    return id;
  }

  /** Field values follow the authority table over all the golden record's source records. */
  private async refresh(goldenId: string): Promise<void> {
    const records = (await this.members([goldenId])).get(goldenId) ?? [];
    if (records.length === 0) return;
    await this.writer.upsertGolden([
      {
        id: goldenId,
        fields: goldenFields(records),
        rowIds: records.map((r) => r.rowId),
        previous: records.map((r) => r.goldenId),
      },
    ]);
  }

  private async propose(person: StagedPerson, best: BestMatch, model: Model): Promise<void> {
    const [a, b] =
      BigInt(person.rowId) < BigInt(best.member.rowId) ? [person, best.member] : [best.member, person];
    const vector = a === person ? best.vector : comparePeople(prepare(a), prepare(b));
    await this.reviews.propose(
      a.rowId,
      b.rowId,
      best.weight,
      evidenceOf(model, vector, a, b),
      person.attributes.communityCode ?? best.communityCode,
    );
  }

  private history(goldenId: string, action: string, person: SourcePerson, actor: string): Promise<void> {
    return this.golden.addHistory(
      goldenId,
      action,
      { system: person.system, recordId: person.recordId },
      actor,
    );
  }
}
