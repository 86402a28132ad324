import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { DataSource } from 'typeorm';

const PAGE = 5_000;

/**
 * `export-golden`: JSON Lines for checking a resolution from outside — one line per golden
 * resident with its source records, then one per pending review pair (by golden ids).
 */
@Injectable()
export class GoldenExportService {
  constructor(private readonly db: DataSource) {}

  async write(out: Writable): Promise<{ residents: number; reviews: number }> {
    const put = async (line: object) => {
      if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
    };
    let residents = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<{
        id: string;
        id_number: string | null;
        name: string | null;
        sources: Array<{ system: string; recordId: string }>;
      }> = await this.db.query(
        `SELECT g.id, g.id_number, g.name,
                  (SELECT json_agg(json_build_object('system', s.system, 'recordId', s.record_id) ORDER BY s.system, s.record_id)
                     FROM source_record s WHERE s.golden_id = g.id) AS sources
             FROM golden_person g WHERE g.status = 'active' AND g.id > $1 ORDER BY g.id LIMIT $2`,
        [after, PAGE],
      );
      for (const row of rows) {
        await put({
          type: 'resident',
          id: row.id,
          idNumber: row.id_number,
          name: row.name,
          sources: row.sources ?? [],
        });
      }
      residents += rows.length;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
    const reviews: Array<{ a: string; b: string; score: number }> = await this.db.query(
      `SELECT a.golden_id AS a, b.golden_id AS b, r.score FROM match_review r
         JOIN source_record a ON a.id = r.a_record JOIN source_record b ON b.id = r.b_record
        WHERE r.status = 'pending' ORDER BY r.score DESC, r.id`,
    );
    for (const r of reviews)
      await put({ type: 'review', a: r.a, b: r.b, score: Math.round(r.score * 1000) / 1000 });
    return { residents, reviews: reviews.length };
  }
}
