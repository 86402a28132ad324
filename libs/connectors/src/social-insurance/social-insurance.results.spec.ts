import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGbkCsv } from '../common';
import { resultsBySentRow, type SentRow } from './social-insurance.results';
import type { InsuranceResultRow } from './social-insurance.types';

const results = readGbkCsv(
  readFileSync(join(__dirname, 'fixtures/ok/result.csv')),
) as unknown as InsuranceResultRow[];
const sent: SentRow[] = [
  { item: 3, idNumber: '32040219900201022X', personNo: null },
  { item: 5, idNumber: '320402200603010319', personNo: '32040200000999' },
  { item: 6, idNumber: '320402196305100130', personNo: null },
];

describe(resultsBySentRow.name, () => {
  it('maps 行号 back to the items: 个人编号 on success, the department’s 原因 as a refusal', () => {
    const sut = resultsBySentRow(sent, results);
    expect(sut.get(3)).toEqual({ ok: true, externalId: '32040200000123' });
    expect(sut.get(5)).toMatchObject({ ok: false, error: { kind: 'refused', message: '已在其他地区参保' } });
  });

  it('a row the result file does not mention is temporary', () => {
    expect(resultsBySentRow(sent, results).get(6)).toMatchObject({ ok: false, error: { kind: 'temporary' } });
  });

  it('also understands 行号 counted with the header line', () => {
    const shifted = results.map((r) => ({ ...r, 行号: String(Number(r.行号) + 1) }));
    expect(resultsBySentRow(sent, shifted).get(3)).toEqual({ ok: true, externalId: '32040200000123' });
    expect(resultsBySentRow(sent, shifted).get(5)).toMatchObject({ ok: false });
  });
});
