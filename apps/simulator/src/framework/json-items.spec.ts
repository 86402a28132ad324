import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { JsonItemSplitter, jsonArrayBatches } from './json-items';

/** Feeds `text` to a splitter cut at the given offsets; returns every item it gave. */
function split(text: string, cuts: number[], key?: string): unknown[] {
  const splitter = new JsonItemSplitter(key);
  const items: unknown[] = [];
  let from = 0;
  for (const at of [...cuts].sort((a, b) => a - b)) {
    items.push(...splitter.push(text.slice(from, at)));
    from = at;
  }
  items.push(...splitter.push(text.slice(from)));
  splitter.end();
  return items;
}

/** Records with the characters that could fool a splitter: quotes, escapes, brackets, commas. */
const record = fc.record({
  id: fc.string(),
  name: fc.constantFrom('张"三', 'a\\b', '[李]', '{王,五}', '\\"', '钟楼区 3-2-501', ''),
  tags: fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
  nested: fc.option(fc.record({ list: fc.array(fc.record({ x: fc.double({ noNaN: true }) })) })),
});

describe('JsonItemSplitter', () => {
  it('gives the items of a top-level array wherever the text is cut', () => {
    fc.assert(
      fc.property(fc.array(record), fc.boolean(), fc.array(fc.nat()), (records, pretty, rawCuts) => {
        const text = JSON.stringify(records, null, pretty ? 2 : undefined);
        const cuts = rawCuts.map((n) => n % (text.length + 1));
        expect(split(text, cuts)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('gives only the array under the wanted key of a top-level object', () => {
    fc.assert(
      fc.property(fc.array(record), fc.array(record), fc.array(fc.nat()), (persons, houses, rawCuts) => {
        const text = JSON.stringify({
          meta: { persons: [{ decoy: true }], count: 3 },
          houses,
          'persons\\"': [1],
          persons,
        });
        const cuts = rawCuts.map((n) => n % (text.length + 1));
        const whole = JSON.parse(text) as { persons: unknown[]; houses: unknown[] };
        expect(split(text, cuts, 'persons')).toEqual(whole.persons);
        expect(split(text, cuts, 'houses')).toEqual(whole.houses);
      }),
    );
  });

  it('follows escaped quotes and backslash runs across every cut', () => {
    const values = ['\\"x\\', '\\', '"', '\\\\"]', { 'k\\"': ['\\\\', '"]},'] }, '张\\'];
    const text = JSON.stringify(values);
    for (let a = 0; a <= text.length; a++)
      for (let b = a; b <= text.length; b += 3) expect(split(text, [a, b])).toEqual(values);
  });

  it('reads primitives and empty arrays', () => {
    expect(split('[1, "a", null, true, -2.5e3]', [3, 7])).toEqual([1, 'a', null, true, -2500]);
    expect(split(' [ ] ', [])).toEqual([]);
    expect(split('{"houses": [], "persons": []}', [], 'persons')).toEqual([]);
  });

  it('gives nothing for an object without the key', () => {
    expect(split('{"houses": [{"a": 1}]}', [], 'persons')).toEqual([]);
  });

  it('refuses a top level of the wrong kind and a truncated array', () => {
    expect(() => split('{"persons": []}', [])).toThrow('JSON 顶层应为数组');
    expect(() => split('[{"a": 1}]', [], 'persons')).toThrow('JSON 顶层应为对象（含 persons）');
    expect(() => split('[{"a": 1}, {"b"', [])).toThrow('JSON 文件不完整');
  });

  it('lets JSON.parse refuse a broken item', () => {
    expect(() => split('[{"a": 1}, {"b" 2}]', [])).toThrow(SyntaxError);
  });
});

describe('jsonArrayBatches', () => {
  it('reads a file larger than one piece, characters split between pieces included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'json-items-'));
    const persons = Array.from({ length: 30_000 }, (_, i) => ({ personId: `p${i}`, name: `常州${i}号` }));
    writeFileSync(join(dir, 'grid.json'), JSON.stringify({ persons, houses: [{ houseId: 'h1' }] }));
    const read: unknown[] = [];
    let batches = 0;
    for await (const batch of jsonArrayBatches(join(dir, 'grid.json'), 'persons')) {
      read.push(...batch);
      batches++;
    }
    expect(read).toEqual(persons);
    expect(batches).toBeGreaterThan(1);
  });
});
