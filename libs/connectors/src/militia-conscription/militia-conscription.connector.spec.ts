import { residentSnapshot } from '../testing/snapshots';
import { standInDepartment, type StandIn } from '../testing/stand-in-department';
import partlyRejected from './fixtures/not-ok/upload-partly-rejected.json';
import { createMilitiaConscriptionConnector } from './militia-conscription.connector';
import { readRoster } from './militia-conscription.roster';

/** The one file part of a multipart body (enough for this test's single-part uploads). */
const filePart = (body: Buffer, contentType: string): Buffer => {
  const boundary = Buffer.from(`--${/boundary=(.+)$/.exec(contentType)![1]}`);
  const start = body.indexOf('\r\n\r\n', body.indexOf(boundary)) + 4;
  return body.subarray(start, body.indexOf(boundary, start) - 2);
};

describe(createMilitiaConscriptionConnector.name, () => {
  let office: StandIn;
  let uploads: Array<{ authorization?: string; lines: Array<Record<string, string>> }>;
  let reply: object;
  let sut: ReturnType<typeof createMilitiaConscriptionConnector>;

  beforeAll(async () => {
    // The roster is a spreadsheet in a multipart upload: read it from the raw bytes before replying.
    office = await standInDepartment(async ({ raw, headers }) => {
      const lines = await readRoster(filePart(raw, headers['content-type']!));
      uploads.push({ authorization: headers.authorization, lines });
      return { body: reply };
    });
    sut = createMilitiaConscriptionConnector({
      baseUrl: office.url,
      username: 'hub',
      password: 'hub-militia-secret',
    });
  });
  afterAll(() => office.close());
  beforeEach(() => {
    uploads = [];
  });

  const man = (name: string, communityCode = '320402002001') =>
    residentSnapshot({ name, gender: '1', birthDate: '2006-02-11', communityCode });

  it('maps rejected sheet rows (from row 3) back to their items as refusals with the reason', async () => {
    reply = partlyRejected;
    const items = ['甲', '乙', '丙'].map((name) => ({
      subject: man(name),
      known: null,
      action: 'upsert' as const,
    }));
    const results = await sut.pushBatch(items, new Date(2025, 5, 15));
    expect(results[0]).toEqual({ ok: true, externalId: null });
    expect(results[1]).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: '年龄不在兵役登记范围内' },
    });
    expect(results[2]).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: '公民身份号码校验错误' },
    });
    expect(uploads[0].authorization).toBe(
      `Basic ${Buffer.from('hub:hub-militia-secret').toString('base64')}`,
    );
  });

  it('sends one roster per community, with the registration type per item', async () => {
    reply = { accepted: 1, rejected: [] };
    const results = await sut.pushBatch(
      [
        { subject: man('甲'), known: null, action: 'upsert' },
        { subject: man('乙', '320402002009'), known: { externalId: null }, action: 'upsert' },
        { subject: man('丙'), known: { externalId: null }, action: 'end' },
      ],
      new Date(2025, 5, 15),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(uploads.map((u) => u.lines.map((l) => [l.姓名, l.登记类型]))).toEqual([
      [
        ['甲', '初次登记'],
        ['丙', '注销登记'],
      ],
      [['乙', '变更登记']],
    ]);
  });

  it('fails a single item without an ID number alone, as invalid', async () => {
    reply = { accepted: 1, rejected: [] };
    const results = await sut.pushBatch(
      [
        { subject: { ...man('甲'), idNumber: null }, known: null, action: 'upsert' },
        { subject: man('乙'), known: null, action: 'upsert' },
      ],
      new Date(2025, 5, 15),
    );
    expect(results[0]).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(results[1]).toEqual({ ok: true, externalId: null });
  });
});
