import type { Thresholds } from './fellegi-sunter';
import { UnionFind } from './union-find';

export interface ScoredPair {
  a: number;
  b: number;
  /** Match weight in bits (`score`). */
  score: number;
}

export interface ClusterMember {
  /** A valid ID number: no cluster may hold two different ones (unless staff merged them). */
  validId: string | null;
  /** Unique and independent of list position (`system/recordId`); breaks ties between scores. */
  stableKey: string;
}

export interface Clustering {
  /** Per record, the smallest record index in its cluster. */
  clusterOf: Int32Array;
  /** Pairs in the review range whose records ended up in different clusters, best first. */
  review: ScoredPair[];
  /** Link pairs not merged: the union would join two valid IDs or break a cannot-link. */
  refused: ScoredPair[];
  /** Must-link pairs not merged because a cannot-link decision keeps them apart. */
  conflicts: Array<[number, number]>;
}

/**
 * Turns scored pairs into one cluster per person. Link pairs are merged best first, so when a
 * record with a mistyped ID scores against two people with different valid IDs, the stronger
 * evidence wins and the weaker link is refused and reported. Manual decisions come first and
 * override the model: `mustLink` merges (even across valid IDs: staff may know a number was
 * reissued), `cannotLink` keeps two records apart whatever links come later.
 */
export class Clusterer {
  private readonly mustLinks: Array<[number, number]> = [];
  private readonly cannotLinks: Array<[number, number]> = [];

  constructor(private readonly members: readonly ClusterMember[]) {}

  mustLink(a: number, b: number): this {
    this.mustLinks.push([a, b]);
    return this;
  }

  cannotLink(a: number, b: number): this {
    this.cannotLinks.push([a, b]);
    return this;
  }

  cluster(pairs: readonly ScoredPair[], thresholds: Thresholds): Clustering {
    const sets = new UnionFind(this.idCodes());
    const apart = new Map<number, number[]>();
    for (const [a, b] of this.cannotLinks) {
      this.partnersOf(apart, a).push(b);
      this.partnersOf(apart, b).push(a);
    }
    const tryUnion = (a: number, b: number, manual: boolean): 'merged' | 'same' | 'refused' => {
      const [ra, rb] = [sets.find(a), sets.find(b)];
      if (ra === rb) return 'same';
      if (!manual && sets.idsConflict(ra, rb)) return 'refused';
      if (this.keptApart(apart, sets, ra, rb)) return 'refused';
      const root = sets.union(ra, rb);
      const merged = [...(apart.get(ra) ?? []), ...(apart.get(rb) ?? [])];
      apart.delete(ra);
      apart.delete(rb);
      if (merged.length > 0) apart.set(root, merged);
      return 'merged';
    };

    const conflicts = this.mustLinks.filter(([a, b]) => tryUnion(a, b, true) === 'refused');
    const ranked = this.rankedByScore(pairs.filter((pair) => pair.score >= thresholds.review));
    const refused = ranked
      .filter((pair) => pair.score >= thresholds.link)
      .filter((pair) => tryUnion(pair.a, pair.b, false) === 'refused');
    const review = ranked.filter(
      (pair) => pair.score < thresholds.link && sets.find(pair.a) !== sets.find(pair.b),
    );
    return { clusterOf: this.labels(sets), review, refused, conflicts };
  }

  private idCodes(): Int32Array {
    const codes = new Map<string, number>();
    return Int32Array.from(this.members, ({ validId }) => {
      if (validId === null) return -1;
      const code = codes.get(validId) ?? codes.size;
      codes.set(validId, code);
      return code;
    });
  }

  private partnersOf(apart: Map<number, number[]>, record: number): number[] {
    const partners = apart.get(record) ?? [];
    apart.set(record, partners);
    return partners;
  }

  /** Some record of one set was declared apart from some record of the other. */
  private keptApart(apart: Map<number, number[]>, sets: UnionFind, ra: number, rb: number): boolean {
    const [pa, pb] = [apart.get(ra) ?? [], apart.get(rb) ?? []];
    const [partners, otherRoot] = pa.length <= pb.length ? [pa, rb] : [pb, ra];
    return partners.some((record) => sets.find(record) === otherRoot);
  }

  /** Best score first; ties by the records' stable keys, never by their position in the list. */
  private rankedByScore(pairs: readonly ScoredPair[]): ScoredPair[] {
    const order = Array.from(this.members.keys()).sort((i, j) =>
      compareText(this.members[i].stableKey, this.members[j].stableKey),
    );
    const rank = new Int32Array(this.members.length);
    order.forEach((record, position) => (rank[record] = position));
    const low = (p: ScoredPair) => Math.min(rank[p.a], rank[p.b]);
    const high = (p: ScoredPair) => Math.max(rank[p.a], rank[p.b]);
    return [...pairs].sort((x, y) => y.score - x.score || low(x) - low(y) || high(x) - high(y));
  }

  private labels(sets: UnionFind): Int32Array {
    const n = this.members.length;
    const labelOfRoot = new Int32Array(n).fill(-1);
    const clusterOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const root = sets.find(i);
      if (labelOfRoot[root] === -1) labelOfRoot[root] = i;
      clusterOf[i] = labelOfRoot[root];
    }
    return clusterOf;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
