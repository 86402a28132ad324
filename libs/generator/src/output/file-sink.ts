/**
 * Text written to a file in large synchronous chunks. Generation is CPU-bound and single-threaded:
 * writing a megabyte at a time keeps memory flat without stream back-pressure bookkeeping, and a
 * GBK file is encoded chunk by chunk (chunks end at record boundaries, never mid-character).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import iconv from 'iconv-lite';

const CHUNK = 1 << 20;

export class FileSink {
  private parts: string[] = [];
  private pending = 0;
  private readonly fd: number;

  constructor(
    readonly path: string,
    private readonly encoding: 'utf8' | 'gbk' = 'utf8',
  ) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    const bytes = this.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
    for (let offset = 0; offset < bytes.length;) offset += writeSync(this.fd, bytes, offset);
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A JSON array written one element at a time: `[`, elements separated by `,`, `]`. */
export class JsonArraySink {
  private count = 0;

  constructor(private readonly sink: FileSink) {}

  add(value: unknown): void {
    this.sink.write(`${this.count++ === 0 ? '[\n' : ',\n'}${JSON.stringify(value)}`);
  }

  /** Closes the array (not the file). */
  end(): void {
    this.sink.write(this.count === 0 ? '[]' : '\n]');
  }
}
