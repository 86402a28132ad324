/**
 * How common each normalised name is in the data, for the term-frequency adjustment of
 * Fellegi–Sunter: agreeing on 张伟 is weaker evidence than agreeing on 钟馗.
 *
 * For random pairs, the u-probability of an exact agreement on value v is ≈ f(v), the share of
 * records named v, and the average over all agreements is Σ f². The model's learned `exact`
 * weight is that average case; the adjustment log2(Σf² / f(v)) moves it down for common names
 * and up for rare ones. When the model's u_exact is the random-pair figure Σ f², the adjusted
 * weight is exactly the textbook log2(m_exact / f(v)).
 */
export interface NameFrequenciesJson {
  total: number;
  counts: Record<string, number>;
}

export class NameFrequencies {
  private readonly sumOfSquares: number;

  private constructor(
    private readonly counts: ReadonlyMap<string, number>,
    readonly total: number,
  ) {
    let sum = 0;
    for (const count of counts.values()) sum += (count / total) ** 2;
    this.sumOfSquares = sum;
  }

  static fromNames(names: Iterable<string | null>): NameFrequencies {
    const counts = new Map<string, number>();
    let total = 0;
    for (const name of names) {
      if (!name) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      total++;
    }
    return new NameFrequencies(counts, total);
  }

  static fromJSON(json: NameFrequenciesJson): NameFrequencies {
    return new NameFrequencies(new Map(Object.entries(json.counts)), json.total);
  }

  /** Share of named records bearing this name; an unseen name counts as seen once. */
  frequency(name: string): number {
    if (this.total === 0) return 1;
    return Math.max(this.counts.get(name) ?? 0, 1) / this.total;
  }

  /** Bits to add to the model's `exact` name weight when two records agree on `name`. */
  adjustment(name: string): number {
    if (this.total === 0) return 0;
    return Math.log2(this.sumOfSquares / this.frequency(name));
  }

  toJSON(): NameFrequenciesJson {
    return { total: this.total, counts: Object.fromEntries(this.counts) };
  }
}
