import { createHash } from 'node:crypto';

/**
 * A golden id derived from the cluster's first source key: the same records give the same id on
 * any machine and in any order of import, so re-runs and shuffled imports agree.
 */
export function derivedGoldenId(sourceKey: string, attempt = 0): string {
  const hex = createHash('sha256').update(`golden:${sourceKey}:${attempt}`).digest('hex');
  // Shaped as a version-8 (custom) UUID so the column type accepts it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface ClusterIdentity {
  /** Source keys (`system/recordId`) of the cluster's records, sorted. */
  keys: string[];
  /** The golden id each record had before this run (null: new record). */
  previous: Array<string | null>;
}

/**
 * Golden ids stay stable: a cluster keeps the id most of its records already had (a bigger
 * cluster first, so a split leaves the id with the larger part); a cluster without one gets an
 * id derived from its first key.
 */
export function assignGoldenIds(clusters: readonly ClusterIdentity[]): string[] {
  const order = clusters
    .map((c, index) => ({ index, size: c.keys.length, first: c.keys[0] }))
    .sort((x, y) => y.size - x.size || (x.first < y.first ? -1 : 1));
  const taken = new Set<string>();
  const ids: string[] = new Array<string>(clusters.length);
  for (const { index } of order) {
    const votes = new Map<string, number>();
    for (const id of clusters[index].previous) if (id) votes.set(id, (votes.get(id) ?? 0) + 1);
    const candidates = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    let id = candidates.find((c) => !taken.has(c));
    for (let attempt = 0; !id; attempt++) {
      const derived = derivedGoldenId(clusters[index].keys[0], attempt);
      if (!taken.has(derived)) id = derived;
    }
    taken.add(id);
    ids[index] = id;
  }
  return ids;
}
