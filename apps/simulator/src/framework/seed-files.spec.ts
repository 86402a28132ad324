import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { csvBatches, ndjsonBatches, piecesEndingWith, readText } from './seed-files';

const dir = mkdtempSync(join(tmpdir(), 'seed-files-'));
/** Larger than the reader's pieces (64 KiB): many boundaries fall inside characters. */
const PIECE = 1 << 20;

async function all<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('readText', () => {
  it('keeps a GBK character whole when the piece boundary splits its two bytes', async () => {
    // One ASCII byte first, so every 2-byte character after it straddles a piece boundary.
    const text = `a${'常州'.repeat(PIECE / 2)}`;
    const file = join(dir, 'split.gbk');
    writeFileSync(file, iconv.encode(text, 'gbk'));
    const pieces = await all(readText(file, 'gbk'));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(text);
  });

  it('keeps a UTF-8 character whole and drops a byte order mark', async () => {
    const text = `ab${'钟楼区'.repeat(PIECE / 4)}`;
    const file = join(dir, 'split.utf8');
    writeFileSync(file, `\uFEFF${text}`);
    expect((await all(readText(file))).join('')).toBe(text);
  });
});

describe('piecesEndingWith', () => {
  it('cuts after the last marker of each piece and loses nothing', async () => {
    const body = Array.from({ length: 40_000 }, (_, i) => `<RY><XM>张${i}</XM></RY>`).join('\n');
    const xml = `<?xml version="1.0"?>\n<RKXX>\n${body}\n</RKXX>\n`;
    const file = join(dir, 'people.xml');
    writeFileSync(file, xml);
    const pieces = await all(piecesEndingWith(file, '</RY>'));
    expect(pieces.join('')).toBe(xml);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith('</RY>')).toBe(true);
    expect(pieces.at(-1)).toBe('\n</RKXX>\n');
  });
});

describe('ndjsonBatches', () => {
  it('reads one value a line, skipping blank lines, with or without a last newline', async () => {
    const file = join(dir, 'patients.ndjson');
    writeFileSync(file, '{"id":"1"}\r\n\n  \n{"id":"2","name":"王 芳"}\n{"id":"3"}');
    expect((await all(ndjsonBatches(file))).flat()).toEqual([
      { id: '1' },
      { id: '2', name: '王 芳' },
      { id: '3' },
    ]);
  });

  it('throws on a line that is not JSON', async () => {
    const file = join(dir, 'broken.ndjson');
    writeFileSync(file, '{"id":"1"}\n{"id":\n');
    await expect(all(ndjsonBatches(file))).rejects.toThrow(SyntaxError);
  });
});

describe('csvBatches', () => {
  it('reads a GBK file with a header line into records, in batches', async () => {
    const lines = ['人员编号,姓名', ...Array.from({ length: 4500 }, (_, i) => `${i},"吴,${i}"`)];
    const file = join(dir, 'people.csv');
    writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n\r\n`, 'gbk'));
    const batches = await all(
      csvBatches<Record<string, string>>(file, { encoding: 'gbk', columns: true, skip_empty_lines: true }),
    );
    expect(batches.map((b) => b.length)).toEqual([2000, 2000, 500]);
    expect(batches[2].at(-1)).toEqual({ 人员编号: '4499', 姓名: '吴,4499' });
  });

  it("passes on the parser's error", async () => {
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'a,b\n1,"2\n');
    await expect(all(csvBatches(file, { columns: true }))).rejects.toThrow(/quote/i);
  });

  it('passes on a missing file', async () => {
    await expect(all(csvBatches(join(dir, 'none.csv'), {}))).rejects.toThrow(/ENOENT/);
  });
});
