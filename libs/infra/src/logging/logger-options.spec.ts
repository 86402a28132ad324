import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoOptions } from './logger-options';

/** One JSON log line written with the apps' options (production format). */
function logged(object: Record<string, unknown>): Record<string, unknown> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  pino(pinoOptions({ LOG_LEVEL: 'info', NODE_ENV: 'production' }, 'api'), sink).info(object, 'event');
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

describe('log options', () => {
  it('never writes an ID number, name or phone, at the top of the object or inside it', () => {
    const line = logged({
      idNumber: '320402199001011234',
      name: '张三',
      phone: '13800001111',
      resident: { id_number: '320402199001011234', name: '李四', phone: '13900002222' },
      system: 'employment',
    });
    const text = JSON.stringify(line);
    for (const secret of ['320402199001011234', '张三', '李四', '13800001111', '13900002222']) {
      expect(text).not.toContain(secret);
    }
    expect(line).toMatchObject({ app: 'api', system: 'employment', msg: 'event' });
  });
});
