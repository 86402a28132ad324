import { householdSnapshot, residentSnapshot } from '../testing/snapshots';
import { inTurn, standInDepartment, type Answer, type RecordedCall } from '../testing/stand-in-department';
import type { ConnectorError } from '../common';
import unauthenticated from './fixtures/not-ok/unauthenticated.json';
import invalidArgument from './fixtures/not-ok/invalid-argument.json';
import batchReply from './fixtures/ok/persons-batch-reply.json';
import { createGridGovernanceConnector } from './grid-governance.connector';

type Call = { url: string; body: { items: Array<Record<string, unknown>> } };

const sent = (call: RecordedCall): Call['body'] => (call.body ? JSON.parse(call.body) : {}) as Call['body'];

/** A platform that answers each call by a script (its last step repeated), or by numbering the items it was sent. */
async function platform(script: Array<Answer | 'echo'>) {
  const server = await standInDepartment(inTurn(script.map((step) => (step === 'echo' ? echo : step))));
  // Echo ids are N<call number>-<index>, so a spec can tell which call created whom.
  function echo(call: RecordedCall): Answer {
    return {
      status: 200,
      body: {
        results: sent(call).items.map((item, index) => ({
          index,
          ok: true,
          [call.url.includes('houses') ? 'houseId' : 'personId']: String(
            item.personId ?? item.houseId ?? `N${server.calls.length}-${index}`,
          ),
        })),
      },
    };
  }
  const sut = createGridGovernanceConnector({ baseUrl: server.url, token: 't', minCallIntervalMs: 0 });
  return {
    sut,
    get calls(): Call[] {
      return server.calls.map((call) => ({ url: call.url, body: sent(call) }));
    },
    close: server.close,
  };
}

const on = new Date('2026-11-27T10:00:00+08:00');
const resident = (n: number) => residentSnapshot({ id: `r${n}` });

describe(createGridGovernanceConnector.name, () => {
  it('sends at most 100 items a call and maps results back in order', async () => {
    const grid = await platform(['echo']);
    const items = Array.from({ length: 250 }, (_, n) => ({
      subject: resident(n),
      known: null,
      action: 'upsert' as const,
    }));
    const results = await grid.sut.pushBatch(items, on);
    expect(grid.calls.map((c) => c.body.items.length)).toEqual([100, 100, 50]);
    expect(results).toHaveLength(250);
    expect(results[0]).toEqual({ ok: true, externalId: 'N1-0' });
    expect(results[249]).toEqual({ ok: true, externalId: 'N3-49' });
    await grid.close();
  });

  it('keeps a per-item refusal with the platform reason', async () => {
    const grid = await platform([{ status: 200, body: batchReply }]);
    const results = await grid.sut.pushBatch(
      [0, 1].map((n) => ({ subject: resident(n), known: null, action: 'upsert' as const })),
      on,
    );
    expect(results[0]).toEqual({ ok: true, externalId: '8c732b538a5c4073964821bee4380fe2' });
    expect(results[1].ok).toBe(false);
    expect(!results[1].ok && results[1].error).toMatchObject({
      kind: 'refused',
      message: '性别与身份证号码不符',
    });
    await grid.close();
  });

  it('names house members created in the same batch and those the hub passes in', async () => {
    const grid = await platform(['echo']);
    const household = householdSnapshot();
    const [head, spouse] = household.members;
    await grid.sut.pushBatch(
      [
        { subject: residentSnapshot({ id: head.residentId }), known: null, action: 'upsert' },
        { subject: household, known: { externalId: 'H1' }, action: 'upsert' },
      ],
      on,
      { personIds: { [spouse.residentId]: 'P-SPOUSE' } },
    );
    expect(grid.calls[1].url).toBe('/api/v2/houses:batchUpsert');
    expect(grid.calls[1].body.items[0]).toMatchObject({
      houseId: 'H1',
      headPersonId: 'N1-0',
      memberPersonIds: ['N1-0', 'P-SPOUSE'],
    });
    await grid.close();
  });

  it('asks for an export page again after the Retry-After of a 429, and the export goes on', async () => {
    const grid = await platform([
      { status: 429, body: {}, headers: { 'retry-after': '0' } },
      { status: 200, body: { persons: [{ personId: 'p1' }], nextPageToken: '' } },
      { status: 200, body: { houses: [], nextPageToken: '' } },
    ]);
    try {
      const records: unknown[] = [];
      for await (const record of grid.sut.exportAll()) records.push(record);
      expect(records).toEqual([{ personId: 'p1' }]);
      expect(grid.calls.map((c) => c.url.split('?')[0])).toEqual([
        '/api/v2/persons',
        '/api/v2/persons',
        '/api/v2/houses',
      ]);
    } finally {
      await grid.close();
    }
  });

  it('gives up on an export page turned away five times, as temporary', async () => {
    const grid = await platform([{ status: 429, body: {}, headers: { 'retry-after': '0' } }]);
    const read = async () => {
      for await (const _record of grid.sut.exportAll()) continue;
    };
    try {
      await expect(read()).rejects.toMatchObject({ kind: 'temporary', details: { status: 429 } });
      expect(grid.calls).toHaveLength(5);
    } finally {
      await grid.close();
    }
  });

  it('stops calling after a 429 and fails the rest as temporary with Retry-After', async () => {
    const grid = await platform([{ status: 429, body: {}, headers: { 'retry-after': '2' } }]);
    const items = [
      ...Array.from({ length: 150 }, (_, n) => ({
        subject: resident(n),
        known: null,
        action: 'upsert' as const,
      })),
      { subject: householdSnapshot(), known: null, action: 'upsert' as const },
    ];
    const results = await grid.sut.pushBatch(items, on);
    expect(grid.calls).toHaveLength(1);
    for (const result of results) {
      expect(!result.ok && (result.error as ConnectorError)).toMatchObject({
        kind: 'temporary',
        details: { retryAfterMs: 2000 },
      });
    }
    await grid.close();
  });

  it.each([
    ['a malformed call (our bug)', 400, invalidArgument, 'invalid', 'items 必须是非空数组'],
    ['a refused token', 401, unauthenticated, 'auth', 'credentials refused or expired'],
  ])('classifies %s', async (_label, status, body, kind, message) => {
    const grid = await platform([{ status, body }]);
    await expect(grid.sut.push(resident(1), null, on)).rejects.toMatchObject({ kind, message });
    await grid.close();
  });

  it('ends the dead as deceased and sends nothing for a record the platform never had', async () => {
    const grid = await platform(['echo']);
    await grid.sut.end(residentSnapshot({ lifeStatus: 'deceased' }), null, on);
    expect(grid.calls).toHaveLength(0);
    await grid.sut.end(residentSnapshot({ lifeStatus: 'deceased' }), { externalId: 'P9' }, on);
    expect(grid.calls[0].body.items[0]).toMatchObject({ personId: 'P9', status: 'deceased' });
    await grid.close();
  });
});
