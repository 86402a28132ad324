import { readText } from './seed-files';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Cuts the items of one JSON array out of text that arrives in pieces: the top-level array, or
 * (with `key`) the array a top-level object holds under that key. Each item is parsed on its own,
 * so a file of a million records never has to be one string. Only the structure is followed
 * (strings, brackets, commas); the items themselves are checked by JSON.parse.
 */
export class JsonItemSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Top-level object only: the next string at depth 1 is a key. */
  private expectingKey = false;
  private lastKey: string | undefined;
  /** Depth at which the wanted array's items sit: 1 for a top-level array, 2 for one under a key. */
  private itemDepth = 0;
  private inWantedArray = false;
  /** The wanted array has closed: nothing after it is read. */
  done = false;
  private carry = '';
  private itemStart = -1;
  private keyStart = -1;

  constructor(private readonly key?: string) {}

  /** Adds the next piece of text; returns the items it completed. */
  push(piece: string): unknown[] {
    const items: unknown[] = [];
    if (this.done) return items;
    const text = this.carry + piece;
    for (let i = this.carry.length; i < text.length && !this.done; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        i = this.skipString(text, i);
        continue;
      }
      if (isSpace(c)) continue;
      const atItem = this.inWantedArray && this.depth === this.itemDepth;
      if (atItem && this.itemStart < 0 && c !== COMMA && c !== CLOSE_ARRAY) this.itemStart = i;
      if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.expectingKey) this.keyStart = i;
      } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
        this.open(c);
      } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
        if (atItem) {
          this.endItem(text, i, items);
          this.inWantedArray = false;
          this.done = true;
        }
        this.depth--;
      } else if (c === COMMA) {
        if (atItem) this.endItem(text, i, items);
        if (this.depth === 1 && this.itemDepth === 2) this.expectingKey = true;
      } else if (c === COLON && this.depth === 1) {
        this.expectingKey = false;
      }
    }
    const keep = Math.min(...[this.itemStart, this.keyStart].filter((at) => at >= 0), text.length);
    this.carry = text.slice(keep);
    if (this.itemStart >= 0) this.itemStart -= keep;
    if (this.keyStart >= 0) this.keyStart -= keep;
    return items;
  }

  /** Throws when the text ended inside the wanted array (a truncated file). */
  end(): void {
    if (this.inWantedArray) throw new Error('JSON 文件不完整：数组未结束');
  }

  private open(c: number): void {
    this.depth++;
    if (this.depth === 1) {
      // The top-level value decides where the items are.
      const topArray = c === OPEN_ARRAY;
      if (topArray !== (this.key === undefined))
        throw new Error(topArray ? `JSON 顶层应为对象（含 ${this.key}）` : 'JSON 顶层应为数组');
      this.itemDepth = topArray ? 1 : 2;
      this.inWantedArray = topArray;
      this.expectingKey = !topArray;
    } else if (this.depth === 2 && this.itemDepth === 2 && c === OPEN_ARRAY) {
      this.inWantedArray = this.lastKey === this.key;
    }
  }

  /**
   * Jumps from `from` (inside a string) to the quote that closes it, or to the end of the piece
   * when the string runs on: most of a file is strings, and indexOf is far quicker than a loop.
   */
  private skipString(text: string, from: number): number {
    let i = from;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    for (;;) {
      const quote = text.indexOf('"', i);
      const end = quote < 0 ? text.length : quote;
      // A quote after an odd run of backslashes is escaped; at the end, the next piece's first character is.
      let slashes = 0;
      while (end - slashes - 1 >= i && text.charCodeAt(end - slashes - 1) === BACKSLASH) slashes++;
      const escaped = slashes % 2 === 1;
      if (quote < 0) {
        this.escaped = escaped;
        return text.length - 1;
      }
      if (!escaped) {
        this.closeString(text, quote);
        return quote;
      }
      i = quote + 1;
    }
  }

  private closeString(text: string, at: number): void {
    this.inString = false;
    if (this.keyStart < 0) return;
    this.lastKey = JSON.parse(text.slice(this.keyStart, at + 1)) as string;
    this.keyStart = -1;
  }

  private endItem(text: string, at: number, items: unknown[]): void {
    if (this.itemStart < 0) return;
    items.push(JSON.parse(text.slice(this.itemStart, at)));
    this.itemStart = -1;
  }
}

/**
 * The items of a JSON seed file's array (see JsonItemSplitter), a batch per piece read. A file
 * without the wanted key yields nothing.
 */
export async function* jsonArrayBatches(file: string, key?: string): AsyncGenerator<unknown[]> {
  const splitter = new JsonItemSplitter(key);
  for await (const piece of readText(file)) {
    const items = splitter.push(piece);
    if (items.length > 0) yield items;
    if (splitter.done) return;
  }
  splitter.end();
}
