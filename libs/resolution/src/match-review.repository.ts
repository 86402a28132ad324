import { scopeCondition, type Actor } from '@hub/record';
import type { DataSource, EntityManager } from 'typeorm';
import type { FieldEvidence } from './evidence';

/** A review pair's state (ck_match_review_status). */
export type ReviewStatus = 'pending' | 'merged' | 'kept_apart' | 'superseded';

/**
 * A state as an SQL literal. Literal, not a parameter: the planner uses the partial index
 * ix_match_review_pending only for a predicate with the index's own literal.
 */
const literal = (status: ReviewStatus) => `'${status}'`;

const PENDING = literal('pending');
const SUPERSEDED = literal('superseded');

/** The pending pairs' predicate, that of the partial index ix_match_review_pending. */
export const PENDING_REVIEW = `status = ${PENDING}`;

export interface ReviewSide {
  recordId: string;
  system: string;
  goldenId: string | null;
  name: string | null;
  idNumber: string | null;
  gender: string | null;
  birthDate: string | null;
  phone: string | null;
  address: string | null;
}

export interface ReviewItem {
  id: string;
  score: number;
  status: string;
  communityCode: string | null;
  a: ReviewSide;
  b: ReviewSide;
  evidence: FieldEvidence[];
}

/** The pair as it is locked to decide it: its two source records (row ids) and its state. */
export interface LockedReview {
  aRecord: string;
  bRecord: string;
  status: ReviewStatus;
}

const side = (row: Record<string, unknown>, p: 'a' | 'b'): ReviewSide => ({
  recordId: String(row[`${p}_record_id`]),
  system: String(row[`${p}_system`]),
  goldenId: (row[`${p}_golden`] as string | null) ?? null,
  name: (row[`${p}_name`] as string | null) ?? null,
  idNumber: (row[`${p}_id_number`] as string | null) ?? (row[`${p}_id_number_raw`] as string | null) ?? null,
  gender: (row[`${p}_gender`] as string | null) ?? null,
  birthDate: (row[`${p}_birth_date`] as string | null) ?? null,
  phone: (row[`${p}_phone`] as string | null) ?? null,
  address: ((row[`${p}_address`] as { text?: string } | null) ?? null)?.text ?? null,
});

const SIDE_COLUMNS = (p: 'a' | 'b') =>
  ['record_id', 'system', 'name', 'id_number', 'id_number_raw', 'gender', 'birth_date', 'phone', 'address']
    .map((c) => `${p}.${c} AS ${p}_${c}`)
    .concat(`${p}.golden_id AS ${p}_golden`)
    .join(', ');

/** A pair for the review queue by row ids, `a` the lower one. */
export interface QueuedPair {
  a: string;
  b: string;
  score: number;
  evidence: readonly FieldEvidence[];
  communityCode: string | null;
}

/** A pending review pair by the golden records of its two source records (what `export-golden` prints). */
export interface PendingGoldenPair {
  a: string;
  b: string;
  score: number;
}

/** The review queue (table `match_review`): pairs proposed as possibly one person, and their answers. */
export class MatchReviewRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** A page of the pending pairs in the actor's community, best score first, with both records. */
  async pendingPage(
    actor: Actor,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; items: ReviewItem[] }> {
    const params: unknown[] = [];
    const scope = scopeCondition(actor, 'r.community_code', params);
    const [{ total }]: Array<{ total: number }> = await this.db.query(
      `SELECT count(*)::int AS total FROM match_review r WHERE r.${PENDING_REVIEW} AND ${scope}`,
      params,
    );
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT r.id, r.score, r.status, r.community_code, r.evidence, ${SIDE_COLUMNS('a')}, ${SIDE_COLUMNS('b')}
         FROM match_review r JOIN source_record a ON a.id = r.a_record JOIN source_record b ON b.id = r.b_record
        WHERE r.${PENDING_REVIEW} AND ${scope}
        ORDER BY r.score DESC, r.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return {
      total,
      items: rows.map((row) => ({
        id: String(row.id),
        score: Number(row.score),
        status: String(row.status),
        communityCode: (row.community_code as string | null) ?? null,
        a: side(row, 'a'),
        b: side(row, 'b'),
        evidence: row.evidence as FieldEvidence[],
      })),
    };
  }

  /** The pair in the actor's community, locked until the transaction decides it. */
  async lockInScope(reviewId: string, actor: Actor): Promise<LockedReview | undefined> {
    const params: unknown[] = [reviewId];
    const rows: Array<{ a_record: string; b_record: string; status: ReviewStatus }> = await this.db.query(
      `SELECT a_record, b_record, status FROM match_review
        WHERE id = $1 AND ${scopeCondition(actor, 'community_code', params)} FOR UPDATE`,
      params,
    );
    const row = rows[0];
    return row ? { aRecord: row.a_record, bRecord: row.b_record, status: row.status } : undefined;
  }

  async close(reviewId: string, status: Exclude<ReviewStatus, 'pending'>, decidedBy: string): Promise<void> {
    await this.db.query(
      `UPDATE match_review SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
      [reviewId, status, decidedBy],
    );
  }

  /** Pending pairs between golden records `x` and `y` (within one when they are the same). */
  async supersedeBetween(x: string, y: string): Promise<void> {
    await this.db.query(
      `UPDATE match_review r SET status = ${SUPERSEDED}
         FROM source_record a, source_record b
        WHERE r.${PENDING_REVIEW} AND a.id = r.a_record AND b.id = r.b_record
          AND ((a.golden_id = $1 AND b.golden_id = $2) OR (a.golden_id = $2 AND b.golden_id = $1))`,
      [x, y],
    );
  }

  /** Proposes a pair (`a` the lower row id); a pair already in the queue keeps its state. */
  async propose(
    a: string,
    b: string,
    score: number,
    evidence: readonly FieldEvidence[],
    communityCode: string | null,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO match_review (a_record, b_record, score, evidence, community_code)
       VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT ON CONSTRAINT uq_match_review_pair DO NOTHING`,
      [a, b, score, JSON.stringify(evidence), communityCode],
    );
  }

  /**
   * Queues a full resolution's pairs in one statement; returns the ids of their rows. A pair
   * already queued keeps a decision already taken, and one superseded before is pending again.
   */
  async queuePairs(pairs: readonly QueuedPair[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO match_review (a_record, b_record, score, evidence, community_code)
         SELECT a, b, score, evidence::jsonb, community_code
           FROM unnest($1::bigint[], $2::bigint[], $3::float8[], $4::text[], $5::text[])
             AS t(a, b, score, evidence, community_code)
         ON CONFLICT ON CONSTRAINT uq_match_review_pair DO UPDATE SET
           score = EXCLUDED.score, evidence = EXCLUDED.evidence, community_code = EXCLUDED.community_code,
           status = CASE WHEN match_review.status = ${SUPERSEDED} THEN ${PENDING} ELSE match_review.status END
         RETURNING id`,
      [
        pairs.map((r) => r.a),
        pairs.map((r) => r.b),
        pairs.map((r) => r.score),
        pairs.map((r) => JSON.stringify(r.evidence)),
        pairs.map((r) => r.communityCode),
      ],
    );
    return rows.map((r) => r.id);
  }

  /** Supersedes every pending pair but those kept (by review id). */
  async supersedePendingExcept(kept: readonly string[]): Promise<void> {
    await this.db.query(
      `UPDATE match_review SET status = ${SUPERSEDED}
        WHERE ${PENDING_REVIEW} AND NOT (id = ANY($1::bigint[]))`,
      [kept],
    );
  }

  /** The pending pairs by golden ids, best score first. */
  async pendingByGolden(): Promise<PendingGoldenPair[]> {
    const rows: PendingGoldenPair[] = await this.db.query(
      `SELECT a.golden_id AS a, b.golden_id AS b, r.score FROM match_review r
         JOIN source_record a ON a.id = r.a_record JOIN source_record b ON b.id = r.b_record
        WHERE r.${PENDING_REVIEW} ORDER BY r.score DESC, r.id`,
    );
    return rows;
  }

  async countPending(): Promise<number> {
    const [{ pending }]: Array<{ pending: number }> = await this.db.query(
      `SELECT count(*)::int AS pending FROM match_review WHERE ${PENDING_REVIEW}`,
    );
    return pending;
  }

  /** How many pairs are in each state (states without pairs are absent). */
  async countByStatus(): Promise<Map<string, number>> {
    const rows: Array<{ status: string; n: number }> = await this.db.query(
      `SELECT status, count(*)::int AS n FROM match_review GROUP BY status`,
    );
    return new Map(rows.map((r) => [r.status, r.n]));
  }
}
