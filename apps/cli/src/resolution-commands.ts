import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { HubConfig } from '@hub/infra';
import { GoldenExportService, OverlapReportService, ResolverService } from '@hub/resolution';
import { ImportService, PromotionService } from '@hub/resolution/departments';
import { withContext } from './operations';

const rate = (n: number, seconds: number) => (seconds > 0 ? Math.round(n / seconds) : n);

/**
 * `import-all [system…] [--keep-feeds] [--no-promote]`: reads each system's whole content through
 * its connector, stages it, resolves every staged record into golden records and promotes them
 * into the unified record. Progress per system on stderr. The change feeds are then followed from
 * now on, unless --keep-feeds.
 */
export function importAllCommand(config: HubConfig, args: string[]): Promise<number> {
  const named = args.filter((a) => !a.startsWith('--'));
  return withContext(config, async (get) => {
    const importer = get(ImportService);
    const started = Date.now();
    let lastShown = 0;
    const results = await importer.importAll(named.length ? named : undefined, (system, read, staged) => {
      if (Date.now() - lastShown < 1_000) return;
      lastShown = Date.now();
      process.stderr.write(`  ${system}: 读取 ${read} 条，暂存 ${staged} 人\n`);
    });
    for (const r of results) {
      console.log(
        `${r.system.padEnd(22)} read ${String(r.read).padStart(8)}  staged ${String(r.staged).padStart(8)}  ` +
          `removed ${r.removed}  ${r.seconds.toFixed(1)} s (${rate(r.staged, r.seconds)}/s)`,
      );
    }
    if (!args.includes('--keep-feeds')) {
      const skipped = await importer.followFeedsFromNow(named.length ? named : undefined, new Date(started));
      console.log(`change feeds followed from now on (changes already imported: ${JSON.stringify(skipped)})`);
    }
    const staged = results.reduce((n, r) => n + r.staged, 0);
    const importSeconds = (Date.now() - started) / 1000;
    console.log(
      `import: ${staged} source records in ${importSeconds.toFixed(1)} s (${rate(staged, importSeconds)}/s)`,
    );
    const summary = await get(ResolverService).resolve();
    console.log(`resolve: ${JSON.stringify(summary)}`);
    if (!args.includes('--no-promote')) {
      console.log(`promote: ${JSON.stringify(await get(PromotionService).promote())}`);
    }
    const total = (Date.now() - started) / 1000;
    console.log(`end to end: ${staged} source records in ${total.toFixed(1)} s (${rate(staged, total)}/s)`);
    return 0;
  });
}

/** `promote`: the golden records become the unified record's residents and households (repeatable). */
export function promoteCommand(config: HubConfig): Promise<number> {
  return withContext(config, async (get) => {
    let shown = 0;
    const summary = await get(PromotionService).promote('import', ({ done, total, step }) => {
      if (Date.now() - shown < 1_000 && step === 'read') return;
      shown = Date.now();
      process.stderr.write(`  ${step}: ${done} / ${total}\n`);
    });
    console.log(JSON.stringify(summary));
    return 0;
  });
}

/** `resolve`: re-runs matching over what is staged (after a rule change, or after decisions). */
export function resolveCommand(config: HubConfig): Promise<number> {
  return withContext(config, async (get) => {
    console.log(JSON.stringify(await get(ResolverService).resolve()));
    return 0;
  });
}

/** `export-golden --out FILE`: JSON Lines of golden residents and pending review pairs. */
export function exportGoldenCommand(config: HubConfig, args: string[]): Promise<number> {
  const out =
    args.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? args[args.indexOf('--out') + 1];
  if (!out || out.startsWith('--')) {
    console.error('用法：export-golden --out <文件>');
    return Promise.resolve(2);
  }
  return withContext(config, async (get) => {
    const file = createWriteStream(out);
    const counts = await get(GoldenExportService).write(file);
    file.end();
    await finished(file);
    console.log(`wrote ${counts.residents} residents and ${counts.reviews} review pairs to ${out}`);
    return 0;
  });
}

/** `import-report [--changes-per-year=N]`: overlap, burden saved and match quality. */
export function importReportCommand(config: HubConfig, args: string[]): Promise<number> {
  const given = args.find((a) => a.startsWith('--changes-per-year='));
  const changes = given ? Number(given.split('=')[1]) : 2;
  if (!Number.isFinite(changes) || changes <= 0) {
    console.error('--changes-per-year 应为正数');
    return Promise.resolve(2);
  }
  return withContext(config, async (get) => {
    console.log(JSON.stringify(await get(OverlapReportService).report(changes), null, 2));
    return 0;
  });
}
