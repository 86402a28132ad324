import type { SourcePerson } from '../source-person';
import { prepare, type PreparedPerson } from './prepared-person';

/**
 * Blocking passes: two records are compared only when they share a key in at least one pass.
 * Each pass is cheap and narrow; together they keep recall high because a true pair has to
 * disagree on every pass's key to be missed.
 *
 * - `id`: the same number.
 * - `id-birth`: region + birth date (first 14 characters): a slip in sequence or check digit.
 * - `id-tail`: birth date + sequence + check (last 12): a slip in the region code.
 * - `pinyin-year`: toneless name pinyin + birth year: homophones, no or mistyped ID.
 * - `name-birthday`: name + birth month and day, written smaller-first so a record whose day
 *   and month are swapped lands in the same block; catches a wrong birth year.
 * - `phone`: the same phone number.
 * - `address`: estate + building + unit + room + surname pinyin: a floating person registered
 *   by name and address only.
 */
export const BLOCKING_PASSES = [
  'id',
  'id-birth',
  'id-tail',
  'pinyin-year',
  'name-birthday',
  'phone',
  'address',
] as const;

export type BlockingPass = (typeof BLOCKING_PASSES)[number];

/**
 * Blocks with more records than this are skipped for that pass. Blocks grow with the square of their size: 张伟 born in 1985, or a nursing
 * home's switchboard number on 300 elders, cost tens of thousands of comparisons that nearly
 * all fail. The real pairs in such a block share a narrower key in another pass (ID, phone
 * plus name, name plus birthday), so skipping the block costs almost no recall and keeps the
 * total cost close to linear in the number of records.
 */
export const DEFAULT_MAX_BLOCK_SIZE = 200;

export function passKey(pass: BlockingPass, p: PreparedPerson): string | null {
  switch (pass) {
    case 'id':
      return p.id;
    case 'id-birth':
      return p.id?.length === 18 ? p.id.slice(0, 14) : null;
    case 'id-tail':
      return p.id?.length === 18 ? p.id.slice(6) : null;
    case 'pinyin-year':
      return p.pinyin && p.birth ? `${p.pinyin}|${p.birth.year}` : null;
    case 'name-birthday': {
      if (!p.name || !p.birth || p.birth.day === 0) return null;
      const [low, high] = [p.birth.month, p.birth.day].sort((a, b) => a - b);
      return `${p.name}|${low}-${high}`;
    }
    case 'phone':
      return p.phone;
    case 'address': {
      const a = p.address;
      if (!a?.estate || !a.building || !a.room || !p.surnamePinyin) return null;
      return `${a.estate}|${a.building}|${a.unit ?? ''}|${a.room}|${p.surnamePinyin}`;
    }
  }
}

/** Every pass's key for a record, prefixed with the pass name (`phone:13912345678`). */
export function blockingKeys(p: SourcePerson | PreparedPerson): string[] {
  const prepared = 'source' in p ? p : prepare(p);
  return BLOCKING_PASSES.flatMap((pass) => {
    const key = passKey(pass, prepared);
    return key === null ? [] : [`${pass}:${key}`];
  });
}

export interface CandidatePairs {
  /** Record indices, `left[k] < right[k]`; each pair once, whichever passes found it. */
  left: Int32Array;
  right: Int32Array;
  /** Per pass, how many blocks were skipped for exceeding the size cap. */
  skippedBlocks: Record<BlockingPass, number>;
}

export function candidatePairs(
  people: readonly PreparedPerson[],
  options: { maxBlockSize?: number } = {},
): CandidatePairs {
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const n = people.length;
  // Pairs as numbers a·n + b (exact below 2^53, i.e. up to ~95M records), de-duplicated by a
  // sort at the end: a Set would hold at most 2^24 entries, fewer than a city's pairs.
  let codes = new Float64Array(1 << 16);
  let size = 0;
  const skippedBlocks = Object.fromEntries(BLOCKING_PASSES.map((pass) => [pass, 0])) as Record<
    BlockingPass,
    number
  >;
  // One pass at a time: only one pass's key map is alive, which bounds memory.
  for (const pass of BLOCKING_PASSES) {
    for (const members of blocksOf(pass, people).values()) {
      if (members.length < 2) continue;
      if (members.length > maxBlockSize) {
        skippedBlocks[pass]++;
        continue;
      }
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          if (size === codes.length) {
            const grown = new Float64Array(codes.length * 2);
            grown.set(codes);
            codes = grown;
          }
          codes[size++] = members[i] * n + members[j];
        }
      }
    }
  }
  const sorted = codes.subarray(0, size).sort();
  const left: number[] = [];
  const right: number[] = [];
  for (let k = 0; k < size; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    left.push(Math.floor(sorted[k] / n));
    right.push(sorted[k] % n);
  }
  return { left: Int32Array.from(left), right: Int32Array.from(right), skippedBlocks };
}

function blocksOf(pass: BlockingPass, people: readonly PreparedPerson[]): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  people.forEach((p, index) => {
    const key = passKey(pass, p);
    if (key === null) return;
    const members = blocks.get(key);
    if (members) members.push(index);
    else blocks.set(key, [index]);
  });
  return blocks;
}
