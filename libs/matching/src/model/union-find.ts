/**
 * Disjoint sets over record indices in typed arrays (two ints per record), with the valid ID
 * numbers each set holds so a union can be refused before it happens.
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  /** Per root: code of the one valid ID in the set, -1 if none. */
  private readonly idCode: Int32Array;
  /** Per root, only for sets a manual decision gave several valid IDs. */
  private readonly extraIds = new Map<number, Set<number>>();

  constructor(idCodes: Int32Array) {
    const n = idCodes.length;
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
    this.idCode = Int32Array.from(idCodes);
  }

  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[x] !== root) {
      const next = this.parent[x];
      this.parent[x] = root;
      x = next;
    }
    return root;
  }

  /** True when joining would bring a valid ID into a set that holds a different one. */
  idsConflict(rootA: number, rootB: number): boolean {
    if (!this.extraIds.has(rootA) && !this.extraIds.has(rootB)) {
      const [a, b] = [this.idCode[rootA], this.idCode[rootB]];
      return a !== -1 && b !== -1 && a !== b;
    }
    const [a, b] = [this.ids(rootA), this.ids(rootB)];
    if (a.size === 0 || b.size === 0) return false;
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    return [...small].some((code) => !large.has(code));
  }

  /** Joins two roots; returns the new root. */
  union(rootA: number, rootB: number): number {
    const [root, child] = this.size[rootA] >= this.size[rootB] ? [rootA, rootB] : [rootB, rootA];
    this.parent[child] = root;
    this.size[root] += this.size[child];
    if (!this.extraIds.has(root) && !this.extraIds.has(child)) {
      const [a, b] = [this.idCode[root], this.idCode[child]];
      if (a === -1 || b === -1 || a === b) {
        this.idCode[root] = a === -1 ? b : a;
        return root;
      }
    }
    // Sets with several IDs come from manual merges only; keep every ID they hold.
    const ids = new Set([...this.ids(root), ...this.ids(child)]);
    this.extraIds.delete(child);
    this.extraIds.set(root, ids);
    return root;
  }

  private ids(root: number): ReadonlySet<number> {
    const extra = this.extraIds.get(root);
    if (extra) return extra;
    return this.idCode[root] === -1 ? new Set() : new Set([this.idCode[root]]);
  }
}
