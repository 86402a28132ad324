import type { GoldenFields } from '@hub/matching';
import type { DataSource } from 'typeorm';
import type { FieldEvidence } from './evidence';
import { GoldenPersonRepository } from './golden-person.repository';
import { MatchReviewRepository } from './match-review.repository';
import { SourceRecordRepository } from './source-record.repository';

export interface GoldenCluster {
  id: string;
  fields: GoldenFields;
  /** source_record ids of the cluster's records, and the golden id each had before. */
  rowIds: string[];
  previous: Array<string | null>;
}

export interface ReviewPair {
  a: string;
  b: string;
  score: number;
  communityCode: string | null;
  evidence: FieldEvidence[];
}

export interface WriteSeconds {
  golden: number;
  links: number;
  retire: number;
  history: number;
}

const CHUNK = 5_000;

function stopwatch() {
  let last = Date.now();
  return {
    lap(): number {
      const now = Date.now();
      const seconds = (now - last) / 1000;
      last = now;
      return seconds;
    },
  };
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Writes a resolution: golden records, their source records' cross references, the review queue. */
export class GoldenWriter {
  private readonly golden: GoldenPersonRepository;
  private readonly sources: SourceRecordRepository;
  private readonly queue: MatchReviewRepository;

  constructor(db: DataSource) {
    this.golden = new GoldenPersonRepository(db);
    this.sources = new SourceRecordRepository(db);
    this.queue = new MatchReviewRepository(db);
  }

  /** Writes the clusters; returns the seconds each step took (the bench prints them). */
  async write(clusters: readonly GoldenCluster[], actor: string): Promise<WriteSeconds> {
    const clock = stopwatch();
    // Both writes go in key order: at a million records the table and its indexes no longer fit
    // in PostgreSQL's cache, and random order turns every chunk into scattered page reads.
    const byId = [...clusters].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    for (const part of chunks(byId)) await this.upsertGolden(part);
    const golden = clock.lap();
    const moved = clusters
      .flatMap((c) =>
        c.rowIds.flatMap((rowId, i) => (c.previous[i] === c.id ? [] : [[rowId, c.id] as const])),
      )
      .sort(([x], [y]) => Number(x) - Number(y));
    for (const part of chunks(moved)) {
      await this.sources.linkToGolden(
        part.map(([rowId]) => rowId),
        part.map(([, id]) => id),
      );
    }
    const links = clock.lap();
    // Golden records left without source records were merged into others or split apart.
    await this.golden.retireOrphaned();
    const retire = clock.lap();
    const changed = clusters.filter((c) => c.previous.some((p) => p !== c.id));
    for (const part of chunks(changed)) {
      await this.golden.recordResolved(
        part.map((c) => ({
          id: c.id,
          detail: { sources: c.rowIds.length, joined: c.previous.filter((p) => p !== c.id).length },
        })),
        actor,
      );
    }
    return { golden, links, retire, history: clock.lap() };
  }

  async upsertGolden(part: readonly GoldenCluster[]): Promise<void> {
    await this.golden.upsertMany(part);
  }

  /**
   * The review queue after a run: pairs proposed again keep a decision already taken; pending
   * pairs no longer proposed (resolved by the model or by a decision) are superseded.
   */
  async replaceReviews(reviews: readonly ReviewPair[]): Promise<void> {
    const kept: string[] = [];
    for (const part of chunks(reviews)) {
      const ordered = part.map((r) => (BigInt(r.a) < BigInt(r.b) ? r : { ...r, a: r.b, b: r.a }));
      kept.push(...(await this.queue.queuePairs(ordered)));
    }
    await this.queue.supersedePendingExcept(kept);
  }
}
