/**
 * justice-corrections.json (the decrypted records): persons under community corrections on the
 * reference day (zt 1) and those released within the year before (zt 2).
 */
import { streetAddress } from '../addresses';
import type { Household } from '../model';
import { FileSink, JsonArraySink } from '../output/file-sink';
import { justiceCoverage } from '../relevance';
import { BaseWriter, pad, type WriterContext } from './writer';

export class JusticeCorrectionsWriter extends BaseWriter {
  private readonly sink: FileSink;
  private readonly records: JsonArraySink;

  constructor(ctx: WriterContext) {
    super('justice-corrections', 'justice-corrections.json', ctx);
    this.sink = new FileSink(this.path);
    this.records = new JsonArraySink(this.sink);
  }

  household(household: Household): void {
    for (const p of household.members) {
      const coverage = justiceCoverage(p, this.ctx.reference);
      if (!coverage || !p.corrections || !p.idNumber) continue;
      const noise = this.noise();
      const sqjzrybh = `JZ320400${p.corrections.start.slice(0, 4)}${pad(this.nextSerial(), 6)}`;
      const phone = noise.phone(p.mobile);
      this.records.add({
        sqjzrybh,
        xm: noise.name(p),
        sfzh: p.idNumber,
        xb: p.gender,
        jzlb: p.corrections.type,
        jzqxStart: p.corrections.start,
        jzqxEnd: p.corrections.end,
        ...(phone ? { lxdh: phone } : {}),
        jzdz: noise.address(household.address, streetAddress),
        zt: coverage === 'active' ? '1' : '2',
      });
      this.truth(sqjzrybh, p, noise.tags);
    }
  }

  finish(): Promise<void> {
    this.records.end();
    this.sink.write('\n');
    this.sink.close();
    return Promise.resolve();
  }
}
