/**
 * Where each page of an offset-paged export ended, so that the page after it is read by key
 * (`WHERE key > last`) instead of by skipping `offset` rows: with plain OFFSET a million-row export
 * costs the department time quadratic in its size, which no real archive would take. Offsets keep
 * their plain meaning: an insert shifts them, so every insert forgets the remembered ends (before
 * it starts and after it commits), and a page read while an insert was under way is not remembered.
 */
export class PageEnds {
  private readonly ends = new Map<number, string>();
  private generation = 0;
  private static readonly MAX_REMEMBERED = 10_000;

  /** The key after which the page starting at `offset` begins, when known. */
  keyBefore(offset: number): string | undefined {
    return offset > 0 ? this.ends.get(offset) : undefined;
  }

  /** Runs an insert; remembered ends are dropped on both sides of it. */
  async inserting<T>(insert: () => Promise<T>): Promise<T> {
    this.forget();
    try {
      return await insert();
    } finally {
      this.forget();
    }
  }

  /**
   * Reads a page and remembers where it ended, unless an insert happened meanwhile. `read` gets
   * the key to read after (undefined: use the offset).
   */
  async page<R>(
    offset: number,
    read: (after: string | undefined) => Promise<R[]>,
    keyOf: (row: R) => string,
  ): Promise<R[]> {
    const generation = this.generation;
    const rows = await read(this.keyBefore(offset));
    if (rows.length > 0 && generation === this.generation) {
      if (this.ends.size >= PageEnds.MAX_REMEMBERED) this.ends.clear();
      this.ends.set(offset + rows.length, keyOf(rows[rows.length - 1]));
    }
    return rows;
  }

  private forget(): void {
    this.generation += 1;
    this.ends.clear();
  }
}
