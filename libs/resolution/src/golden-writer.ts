import type { GoldenFields } from '@hub/matching';
import type { DataSource } from 'typeorm';
import type { FieldEvidence } from './evidence';

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
  constructor(private readonly db: DataSource) {}

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
      await this.db.query(
        `UPDATE source_record s SET golden_id = t.golden FROM unnest($1::bigint[], $2::uuid[]) AS t(id, golden)
          WHERE s.id = t.id`,
        [part.map(([rowId]) => rowId), part.map(([, id]) => id)],
      );
    }
    const links = clock.lap();
    // Golden records left without source records were merged into others or split apart.
    await this.db.query(
      `UPDATE golden_person g SET status = 'retired', updated_at = now()
        WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM source_record s WHERE s.golden_id = g.id)`,
    );
    const retire = clock.lap();
    const changed = clusters.filter((c) => c.previous.some((p) => p !== c.id));
    for (const part of chunks(changed)) {
      await this.db.query(
        `INSERT INTO golden_history (golden_id, action, detail, actor)
         SELECT id, 'resolved', detail::jsonb, $3 FROM unnest($1::uuid[], $2::text[]) AS t(id, detail)`,
        [
          part.map((c) => c.id),
          part.map((c) =>
            JSON.stringify({
              sources: c.rowIds.length,
              joined: c.previous.filter((p) => p !== c.id).length,
            }),
          ),
          actor,
        ],
      );
    }
    return { golden, links, retire, history: clock.lap() };
  }

  async upsertGolden(part: readonly GoldenCluster[]): Promise<void> {
    const f = part.map((c) => c.fields);
    await this.db.query(
      `INSERT INTO golden_person (id, id_number, name, gender, birth_date, phone, address, attributes, community_code)
       SELECT id, id_number, name, gender, birth_date, phone, address::jsonb, attributes::jsonb, community_code
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS t(id, id_number, name, gender, birth_date, phone, address, attributes, community_code)
       ON CONFLICT (id) DO UPDATE SET
         id_number = EXCLUDED.id_number, name = EXCLUDED.name, gender = EXCLUDED.gender,
         birth_date = EXCLUDED.birth_date, phone = EXCLUDED.phone, address = EXCLUDED.address,
         attributes = EXCLUDED.attributes, community_code = EXCLUDED.community_code, status = 'active',
         updated_at = now()
       WHERE (golden_person.id_number, golden_person.name, golden_person.gender, golden_person.birth_date,
              golden_person.phone, golden_person.address, golden_person.attributes, golden_person.community_code,
              golden_person.status)
         IS DISTINCT FROM (EXCLUDED.id_number, EXCLUDED.name, EXCLUDED.gender, EXCLUDED.birth_date,
              EXCLUDED.phone, EXCLUDED.address, EXCLUDED.attributes, EXCLUDED.community_code, 'active')`,
      [
        part.map((c) => c.id),
        f.map((x) => x.idNumber),
        f.map((x) => x.name),
        f.map((x) => x.gender),
        f.map((x) => x.birthDate),
        f.map((x) => x.phone),
        f.map((x) => (x.address ? JSON.stringify(x.address) : null)),
        f.map((x) => JSON.stringify(x.attributes)),
        f.map((x) => x.communityCode),
      ],
    );
  }

  /**
   * The review queue after a run: pairs proposed again keep a decision already taken; pending
   * pairs no longer proposed (resolved by the model or by a decision) are superseded.
   */
  async replaceReviews(reviews: readonly ReviewPair[]): Promise<void> {
    const kept: string[] = [];
    for (const part of chunks(reviews)) {
      const ordered = part.map((r) => (BigInt(r.a) < BigInt(r.b) ? r : { ...r, a: r.b, b: r.a }));
      const rows: Array<{ id: string }> = await this.db.query(
        `INSERT INTO match_review (a_record, b_record, score, evidence, community_code)
         SELECT a, b, score, evidence::jsonb, community_code
           FROM unnest($1::bigint[], $2::bigint[], $3::float8[], $4::text[], $5::text[])
             AS t(a, b, score, evidence, community_code)
         ON CONFLICT ON CONSTRAINT uq_match_review_pair DO UPDATE SET
           score = EXCLUDED.score, evidence = EXCLUDED.evidence, community_code = EXCLUDED.community_code,
           status = CASE WHEN match_review.status = 'superseded' THEN 'pending' ELSE match_review.status END
         RETURNING id`,
        [
          ordered.map((r) => r.a),
          ordered.map((r) => r.b),
          ordered.map((r) => r.score),
          ordered.map((r) => JSON.stringify(r.evidence)),
          ordered.map((r) => r.communityCode),
        ],
      );
      kept.push(...rows.map((r) => r.id));
    }
    await this.db.query(
      `UPDATE match_review SET status = 'superseded'
        WHERE status = 'pending' AND NOT (id = ANY($1::bigint[]))`,
      [kept],
    );
  }
}
