/**
 * police-population.xml: `<RKXX><RY>…</RY></RKXX>`, one RY per resident with an ID number, the
 * dead (ZT 1) and the moved-out (ZT 2) included. The police are authoritative for names, so
 * names are written as they are; people registered before 1999 may keep their 15-digit number.
 */
import { fullAddress } from '../addresses';
import { timeOn } from '../calendar';
import { legacyIdOf } from '../ids';
import type { Household, Person } from '../model';
import { FileSink } from '../output/file-sink';
import { policeCoverage } from '../relevance';
import { BaseWriter, pad, type WriterContext } from './writer';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]);

export class PolicePopulationWriter extends BaseWriter {
  private readonly sink: FileSink;

  constructor(ctx: WriterContext) {
    super('police-population', 'police-population.xml', ctx);
    this.sink = new FileSink(this.path);
    this.sink.write('<?xml version="1.0" encoding="UTF-8"?>\n<RKXX>\n');
  }

  household(household: Household): void {
    for (const p of household.members) this.person(household, p);
  }

  private person(household: Household, p: Person): void {
    const coverage = policeCoverage(p);
    if (!coverage || !p.idNumber) return;
    const noise = this.noise();
    const registered = p.registration === 'registered';
    const legacy =
      registered && p.birthDate < '1982-01-01' && noise.hit(this.ctx.noise.legacyIdPolice, 'legacy-id');
    const rybh = `R${household.address.community.districtCode}${pad(this.nextSerial(), 8)}`;
    const changed = coverage === 'dead' && p.deathDate ? timeOn(p.deathDate, this.rng) : this.pastTime(5);
    const fields: Array<[string, string]> = [
      ['RYBH', rybh],
      ['GMSFHM', legacy ? legacyIdOf(p.idNumber) : p.idNumber],
      ['XM', p.name],
      ['XB', p.gender],
      ['MZ', p.ethnicity],
      ['CSRQ', p.birthDate.replace(/-/g, '')],
      ['HH', registered ? household.number : ''],
      ['YHZGX', registered ? p.relation : ''],
      ['HJDZ', p.registeredAddress],
      ['XZZ', noise.address(household.address, fullAddress)],
      ['RYLB', registered ? '1' : '2'],
      ['LXDH', noise.phone(p.contactPhone) ?? ''],
      ['ZT', coverage === 'active' ? '0' : coverage === 'dead' ? '1' : '2'],
      ['BGSJ', changed.replace(/\D/g, '')],
    ];
    this.sink.write(`<RY>${fields.map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join('')}</RY>\n`);
    this.truth(rybh, p, noise.tags);
  }

  finish(): Promise<void> {
    this.sink.write('</RKXX>\n');
    this.sink.close();
    return Promise.resolve();
  }
}
