import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { decodeGbk } from '../common';
import { issueResidents } from '../testing/issue-household';
import { createSocialInsuranceConnector } from './social-insurance.connector';

const fixture = (path: string): Buffer => readFileSync(join(__dirname, 'fixtures', path));

async function insuranceOffice(handle: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void) {
  const seen: Array<{ method: string; url: string; authorization?: string; body: Buffer }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body,
      });
      handle(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sut = createSocialInsuranceConnector({
    baseUrl,
    username: 'hub',
    password: 'hub-insurance-secret',
    pollIntervalMs: 10,
  });
  return { sut, seen, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const items = [
  { subject: issueResidents.spouse, known: null, action: 'upsert' as const },
  { subject: { ...issueResidents.son, name: '王𠀀' }, known: null, action: 'upsert' as const },
  { subject: issueResidents.son, known: { externalId: '32040200000999' }, action: 'end' as const },
];

describe(createSocialInsuranceConnector.name, () => {
  it('uploads one GBK file, polls for the result and maps each row back to its item', async () => {
    let polls = 0;
    const office = await insuranceOffice((req, _body, res) => {
      if (req.url === '/batch/upload')
        return void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"batchNo":"B20250901001"}');
      polls += 1;
      if (polls < 2) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/csv; charset=GBK' }).end(fixture('ok/result.csv'));
    });
    try {
      const results = await office.sut.pushBatch(items, new Date('2025-09-01T23:00:00+08:00'));
      expect(results[0]).toEqual({ ok: true, externalId: '32040200000123' });
      expect(results[1]).toMatchObject({
        ok: false,
        error: { kind: 'refused', message: '姓名含有系统无法录入的字符（未发送）' },
      });
      expect(results[2]).toMatchObject({
        ok: false,
        error: { kind: 'refused', message: '已在其他地区参保' },
      });

      const upload = office.seen[0];
      expect(upload.authorization).toBe(
        `Basic ${Buffer.from('hub:hub-insurance-secret').toString('base64')}`,
      );
      const file = decodeGbk(upload.body);
      expect(file).toContain(
        '个人编号,公民身份号码,姓名,性别,出生日期,户籍性质,参保状态,联系电话,户籍地址,操作\r\n',
      );
      expect(file).toContain(',32040219900201022X,李秀英,女,1990/2/1,居民,,13812345678,');
      expect(file).toContain(
        '32040200000999,320402200603010319,王小明,男,2006/3/1,居民,终止参保,13812345678,',
      );
      expect(file).not.toContain('王?');
      expect(office.seen.map((s) => s.url)).toEqual([
        '/batch/upload',
        '/batch/B20250901001/result',
        '/batch/B20250901001/result',
      ]);
    } finally {
      await office.stop();
    }
  });

  it('outside the window: temporary, to be retried when the window opens', async () => {
    const office = await insuranceOffice((_req, _body, res) =>
      res
        .writeHead(403, { 'content-type': 'application/json; charset=utf-8' })
        .end(fixture('not-ok/upload-outside-window.json')),
    );
    try {
      const error = await office.sut
        .pushBatch(items, new Date('2025-09-01T14:30:00+08:00'))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        kind: 'temporary',
        message: '不在批量上传时间窗口内',
        details: { retryAfterMs: 7.5 * 3_600_000, status: 403 },
      });
    } finally {
      await office.stop();
    }
  });

  it('sends nothing when every item is refused locally', async () => {
    const office = await insuranceOffice((_req, _body, res) => res.writeHead(500).end());
    try {
      const [result] = await office.sut.pushBatch([items[1]], new Date());
      expect(result.ok).toBe(false);
      expect(office.seen).toHaveLength(0);
    } finally {
      await office.stop();
    }
  });

  it('exports the roster from the GBK CSV, in the department’s column names', async () => {
    const office = await insuranceOffice((_req, _body, res) =>
      res.writeHead(200, { 'content-type': 'text/csv; charset=GBK' }).end(fixture('ok/export.csv')),
    );
    try {
      const rows = [];
      for await (const row of office.sut.exportAll()) rows.push(row);
      expect(rows).toEqual([
        expect.objectContaining({ 姓名: '李秀英', 出生日期: '1990/2/1', 参保状态: '参保缴费' }),
      ]);
    } finally {
      await office.stop();
    }
  });
});
