import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeGbk } from '../common';
import { issueResidents } from '../testing/issue-household';
import { standInDepartment, type Answerer } from '../testing/stand-in-department';
import { createSocialInsuranceConnector } from './social-insurance.connector';

const fixture = (path: string): Buffer => readFileSync(join(__dirname, 'fixtures', path));

async function insuranceOffice(answer: Answerer) {
  const server = await standInDepartment(answer);
  const sut = createSocialInsuranceConnector({
    baseUrl: server.url,
    username: 'hub',
    password: 'hub-insurance-secret',
    pollIntervalMs: 10,
  });
  return { sut, seen: server.calls, stop: server.close };
}

const items = [
  { subject: issueResidents.spouse, known: null, action: 'upsert' as const },
  { subject: { ...issueResidents.son, name: '王𠀀' }, known: null, action: 'upsert' as const },
  { subject: issueResidents.son, known: { externalId: '32040200000999' }, action: 'end' as const },
];

describe(createSocialInsuranceConnector.name, () => {
  it('uploads one GBK file, polls for the result and maps each row back to its item', async () => {
    let polls = 0;
    const office = await insuranceOffice(({ url }) => {
      if (url === '/batch/upload')
        return { headers: { 'content-type': 'application/json' }, body: '{"batchNo":"B20250901001"}' };
      polls += 1;
      // The result is not ready at the first poll.
      if (polls < 2) return { status: 404 };
      return { headers: { 'content-type': 'text/csv; charset=GBK' }, body: fixture('ok/result.csv') };
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
      expect(upload.headers.authorization).toBe(
        `Basic ${Buffer.from('hub:hub-insurance-secret').toString('base64')}`,
      );
      const file = decodeGbk(upload.raw);
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
    const office = await insuranceOffice(() => ({
      status: 403,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: fixture('not-ok/upload-outside-window.json'),
    }));
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
    const office = await insuranceOffice(() => ({ status: 500 }));
    try {
      const [result] = await office.sut.pushBatch([items[1]], new Date());
      expect(result.ok).toBe(false);
      expect(office.seen).toHaveLength(0);
    } finally {
      await office.stop();
    }
  });

  it('exports the roster from the GBK CSV, in the department’s column names', async () => {
    const office = await insuranceOffice(() => ({
      headers: { 'content-type': 'text/csv; charset=GBK' },
      body: fixture('ok/export.csv'),
    }));
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
