import { householdSnapshot, residentSnapshot } from '../testing/snapshots';
import { standInDepartment, type Answer, type StandIn } from '../testing/stand-in-department';
import afterDeadline from './fixtures/not-ok/after-deadline.json';
import submitReply from './fixtures/ok/submit-reply.json';
import { replyMessage, submitStatusKind } from './statistics.codes';
import { createStatisticsConnector } from './statistics.connector';
import { communityReport } from './statistics.report';

describe(createStatisticsConnector.name, () => {
  let platform: StandIn;
  let answer: Answer;
  let sut: ReturnType<typeof createStatisticsConnector>;
  // What the platform was sent: the bearer token and the parsed report.
  const received = () =>
    platform.calls.map((c) => ({
      authorization: c.headers.authorization,
      body: JSON.parse(c.body) as unknown,
    }));

  beforeAll(async () => {
    platform = await standInDepartment(() => answer);
    sut = createStatisticsConnector({ baseUrl: platform.url, token: 'hub-stats-token' });
  });
  afterAll(() => platform.close());
  beforeEach(() => {
    platform.calls.length = 0;
  });

  const report = { communityCode: '320402002001', ...communityReport([residentSnapshot()], [], '2025-06') };

  it('never covers a person or a household, and refuses to push or end one (invalid)', async () => {
    const on = new Date(2025, 5, 15);
    expect(sut.relevant(residentSnapshot(), on)).toBe(false);
    expect(sut.relevant(householdSnapshot(), on)).toBe(false);
    await expect(sut.push(residentSnapshot(), null, on)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(sut.end(residentSnapshot(), null, on)).rejects.toMatchObject({ kind: 'invalid' });
    expect(() => sut.map(residentSnapshot(), on)).toThrow();
    expect(received()).toHaveLength(0);
  });

  it('submits the report with the bearer token, only the form fields, and returns the report no.', async () => {
    answer = { status: 200, body: submitReply };
    await expect(sut.submitReport({ ...report, extra: 'x' } as typeof report)).resolves.toEqual(submitReply);
    expect(received()[0].authorization).toBe('Bearer hub-stats-token');
    expect(Object.keys(received()[0].body as object)).toHaveLength(16);
    expect(received()[0].body).toEqual(report);
  });

  it('keeps the platform’s message when the deadline has passed (refused, final)', async () => {
    answer = { status: 409, body: afterDeadline };
    await expect(sut.submitReport(report)).rejects.toMatchObject({
      kind: 'refused',
      message: afterDeadline.message,
      final: true,
    });
  });

  it('classifies the statuses it reads itself', () => {
    expect(submitStatusKind(409)).toBe('refused');
    expect(submitStatusKind(403)).toBe('auth');
    expect(submitStatusKind(400)).toBe('invalid');
    expect(replyMessage('{"msg":"参数错误"}')).toBe('参数错误');
    expect(replyMessage('not json')).toBe('not json');
  });
});
