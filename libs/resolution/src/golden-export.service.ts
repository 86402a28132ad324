import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { DataSource } from 'typeorm';
import { GoldenPersonRepository } from './golden-person.repository';
import { MatchReviewRepository } from './match-review.repository';

const PAGE = 5_000;

/**
 * `export-golden`: JSON Lines for checking a resolution from outside — one line per golden
 * resident with its source records, then one per pending review pair (by golden ids).
 */
@Injectable()
export class GoldenExportService {
  private readonly golden: GoldenPersonRepository;
  private readonly reviews: MatchReviewRepository;

  constructor(db: DataSource) {
    this.golden = new GoldenPersonRepository(db);
    this.reviews = new MatchReviewRepository(db);
  }

  async write(out: Writable): Promise<{ residents: number; reviews: number }> {
    const put = async (line: object) => {
      if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
    };
    let residents = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.golden.activeWithSources(after, PAGE);
      for (const row of rows) {
        await put({
          type: 'resident',
          id: row.id,
          idNumber: row.idNumber,
          name: row.name,
          sources: row.sources,
        });
      }
      residents += rows.length;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
    const reviews = await this.reviews.pendingByGolden();
    for (const r of reviews)
      await put({ type: 'review', a: r.a, b: r.b, score: Math.round(r.score * 1000) / 1000 });
    return { residents, reviews: reviews.length };
  }
}
