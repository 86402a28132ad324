import { Injectable } from '@nestjs/common';
import { comparePeople, goldenFields, resolvePeople, type Model, type Resolution } from '@hub/matching';
import { DataSource } from 'typeorm';
import { evidenceOf } from './evidence';
import { GoldenWriter, type GoldenCluster, type WriteSeconds } from './golden-writer';
import { assignGoldenIds } from './golden-ids';
import { MatchDecisionRepository } from './match-decision.repository';
import { MatchModelRepository } from './match-model.repository';
import { SourceRecordRepository, type StagedPerson } from './source-record.repository';

export interface ResolveSummary {
  sourceRecords: number;
  goldenRecords: number;
  /** Source records that share their golden record with at least one other. */
  autoLinkedRecords: number;
  reviewPairs: number;
  candidatePairs: number;
  /** Link pairs the clusterer refused (two valid ID numbers, or a kept-apart decision). */
  refusedLinks: number;
  model: Pick<Model, 'thresholds' | 'matchProportion'>;
  seconds: { load: number; match: number; write: number; writeSteps: WriteSeconds & { reviews: number } };
}

const keyOf = (p: { system: string; recordId: string }) => `${p.system}/${p.recordId}`;

/**
 * Resolves every staged source record into golden records: the matching model (blocking,
 * Fellegi–Sunter weights learned by EM, hard rules), the staff's decisions on top, stable golden
 * ids, field values under the authority table, and the review queue.
 */
@Injectable()
export class ResolverService {
  private readonly store: SourceRecordRepository;
  private readonly writer: GoldenWriter;
  private readonly staffDecisions: MatchDecisionRepository;
  private readonly models: MatchModelRepository;

  constructor(db: DataSource) {
    this.store = new SourceRecordRepository(db);
    this.writer = new GoldenWriter(db);
    this.staffDecisions = new MatchDecisionRepository(db);
    this.models = new MatchModelRepository(db);
  }

  async resolve(actor = 'import'): Promise<ResolveSummary> {
    const t0 = Date.now();
    const people: StagedPerson[] = [];
    for await (const batch of this.store.readAll()) people.push(...batch);
    const index = new Map(people.map((p, i) => [keyOf(p), i]));
    const { mustLink, cannotLink } = await this.decisions(index);
    const t1 = Date.now();
    const resolution = resolvePeople(people, { mustLink, cannotLink });
    const clusters = this.clusters(people, resolution);
    const t2 = Date.now();
    const ids = assignGoldenIds(
      clusters.map((members) => ({
        keys: members.map((i) => keyOf(people[i])),
        previous: members.map((i) => people[i].goldenId),
      })),
    );
    const golden: GoldenCluster[] = clusters.map((members, c) => ({
      id: ids[c],
      fields: goldenFields(members.map((i) => people[i])),
      rowIds: members.map((i) => people[i].rowId),
      previous: members.map((i) => people[i].goldenId),
    }));
    const writeSteps = await this.writer.write(golden, actor);
    const reviewsStarted = Date.now();
    const goldenOf = new Map<number, GoldenCluster>();
    clusters.forEach((members, c) => members.forEach((i) => goldenOf.set(i, golden[c])));
    const reviews = this.proposable(resolution, cannotLink).map(({ a, b, score: weight }) => ({
      a: people[a].rowId,
      b: people[b].rowId,
      score: weight,
      communityCode: goldenOf.get(a)?.fields.communityCode ?? goldenOf.get(b)?.fields.communityCode ?? null,
      evidence: evidenceOf(
        resolution.model,
        comparePeople(resolution.prepared[a], resolution.prepared[b]),
        people[a],
        people[b],
      ),
    }));
    await this.writer.replaceReviews(reviews);
    await this.models.save(resolution.model);
    const t3 = Date.now();
    const reviewSeconds = (t3 - reviewsStarted) / 1000;
    return {
      sourceRecords: people.length,
      goldenRecords: clusters.length,
      autoLinkedRecords: clusters.filter((m) => m.length > 1).reduce((n, m) => n + m.length, 0),
      reviewPairs: reviews.length,
      candidatePairs: resolution.stats.candidatePairs,
      refusedLinks: resolution.clustering.refused.length,
      model: { thresholds: resolution.model.thresholds, matchProportion: resolution.model.matchProportion },
      seconds: {
        load: (t1 - t0) / 1000,
        match: (t2 - t1) / 1000,
        write: (t3 - t2) / 1000,
        writeSteps: { ...writeSteps, reviews: reviewSeconds },
      },
    };
  }

  /**
   * Review pairs except those between two clusters staff already kept apart: a kept-apart
   * question is never asked again, whichever of the clusters' records the model pairs this time.
   */
  private proposable(resolution: Resolution, cannotLink: ReadonlyArray<readonly [number, number]>) {
    const { clusterOf, review } = resolution.clustering;
    const pairKey = (x: number, y: number) => (x < y ? `${x}:${y}` : `${y}:${x}`);
    const apart = new Set(cannotLink.map(([x, y]) => pairKey(clusterOf[x], clusterOf[y])));
    return review.filter(({ a, b }) => !apart.has(pairKey(clusterOf[a], clusterOf[b])));
  }

  /** Staff decisions, by source keys, as record indices (decisions on records gone are ignored). */
  private async decisions(index: Map<string, number>) {
    const mustLink: Array<[number, number]> = [];
    const cannotLink: Array<[number, number]> = [];
    for (const decision of await this.staffDecisions.standing()) {
      const a = index.get(keyOf(decision.a));
      const b = index.get(keyOf(decision.b));
      if (a === undefined || b === undefined) continue;
      (decision.kind === 'merge' ? mustLink : cannotLink).push([a, b]);
    }
    return { mustLink, cannotLink };
  }

  private clusters(people: readonly StagedPerson[], resolution: Resolution): number[][] {
    const byLabel = new Map<number, number[]>();
    resolution.clustering.clusterOf.forEach((label, i) => {
      const list = byLabel.get(label) ?? [];
      list.push(i);
      byLabel.set(label, list);
    });
    // Members sorted by source key: the golden record's tie-breaks and first key never depend on load order.
    return [...byLabel.values()].map((members) =>
      members.sort((x, y) => (keyOf(people[x]) < keyOf(people[y]) ? -1 : 1)),
    );
  }
}
