import { Injectable } from '@nestjs/common';
import { ResolverService, type ResolveSummary } from '@hub/resolution';
import {
  ImportService,
  PromotionService,
  type PromotionSummary,
  type SystemImport,
} from '@hub/resolution/departments';

export interface ImportJobResult {
  systems: SystemImport[];
  resolution: ResolveSummary;
  promotion: PromotionSummary;
}

/**
 * `import-all` started from the console: every system read and staged, then the resolution and
 * the promotion into the unified record. Progress counts steps (one per system, one for the
 * resolution, one for the promotion), so the bar moves as each department finishes; the records
 * read so far go along for the counts beside it.
 */
@Injectable()
export class ImportRuns {
  constructor(
    private readonly importer: ImportService,
    private readonly resolver: ResolverService,
    private readonly promotion: PromotionService,
  ) {}

  async run(
    actor: string,
    onProgress: (progress: { done: number; total: number; records: number }) => Promise<void>,
  ): Promise<ImportJobResult> {
    const systems = this.importer.systems();
    const total = systems.length + 2;
    const staged = new Map<string, number>();
    let done = 0;
    const report = () =>
      onProgress({ done, total, records: [...staged.values()].reduce((a, b) => a + b, 0) });
    const started = new Date();
    const results = await this.importer.importAll(systems, (system, _read, count) => {
      staged.set(system, count);
    });
    for (const result of results) staged.set(result.system, result.staged);
    done = systems.length;
    await report();
    await this.importer.followFeedsFromNow(systems, started);
    const resolution = await this.resolver.resolve(actor);
    done += 1;
    await report();
    const promotion = await this.promotion.promote(actor);
    done = total;
    await report();
    return { systems: results, resolution, promotion };
  }
}
