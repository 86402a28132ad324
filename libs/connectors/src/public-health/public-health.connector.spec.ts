import { residentSnapshot } from '../testing/snapshots';
import { inTurn, standInDepartment, type Answer } from '../testing/stand-in-department';
import { createPublicHealthConnector } from './public-health.connector';

/** A scripted FHIR server: each test says how the next calls are answered; unscripted ones get a 500. */
async function fakeFhir(script: Answer[]) {
  const server = await standInDepartment(inTurn(script, { status: 500 }));
  return {
    url: server.url,
    close: server.close,
    // Method, path and If-Match: what the optimistic-locking tests compare.
    calls: () => server.calls.map((c) => `${c.method} ${c.url} ${c.headers['if-match'] ?? ''}`.trim()),
    bodies: () => server.calls.map((c) => c.body),
  };
}

const json = (status: number, body: object): Answer => ({
  status,
  body,
  headers: { 'content-type': 'application/fhir+json' },
});
const patient = (versionId: string) => ({
  resourceType: 'Patient',
  id: '32040200000000001',
  meta: { versionId },
});
const on = new Date('2026-11-27T10:00:00+08:00');

describe(createPublicHealthConnector.name, () => {
  it('re-reads and retries a PUT refused as stale (412)', async () => {
    const fhir = await fakeFhir([
      json(200, patient('1')),
      json(412, {}),
      json(200, patient('2')),
      json(200, {}),
    ]);
    const sut = createPublicHealthConnector({ baseUrl: fhir.url, token: 't' });
    await expect(sut.push(residentSnapshot(), { externalId: '32040200000000001' }, on)).resolves.toEqual({
      externalId: '32040200000000001',
    });
    expect(fhir.calls()).toEqual([
      'GET /fhir/Patient/32040200000000001',
      'PUT /fhir/Patient/32040200000000001 W/"1"',
      'GET /fhir/Patient/32040200000000001',
      'PUT /fhir/Patient/32040200000000001 W/"2"',
    ]);
    await fhir.close();
  });

  it('gives up after a bounded number of stale versions, as temporary', async () => {
    const script = Array.from({ length: 3 }, () => [json(200, patient('1')), json(412, {})]).flat();
    const fhir = await fakeFhir(script);
    const sut = createPublicHealthConnector({ baseUrl: fhir.url, token: 't' });
    await expect(sut.push(residentSnapshot(), { externalId: '32040200000000001' }, on)).rejects.toMatchObject(
      {
        kind: 'temporary',
      },
    );
    await fhir.close();
  });

  it('takes a new archive number from Location when the body is empty', async () => {
    const fhir = await fakeFhir([
      { status: 201, headers: { location: '/fhir/Patient/32040200000000009/_history/1' } },
    ]);
    const sut = createPublicHealthConnector({ baseUrl: fhir.url, token: 't' });
    await expect(sut.push(residentSnapshot(), null, on)).resolves.toEqual({
      externalId: '32040200000000009',
    });
    await fhir.close();
  });

  it('follows next links through the export', async () => {
    const page = (ids: string[], next?: string) => ({
      resourceType: 'Bundle',
      entry: ids.map((id) => ({ resource: { resourceType: 'Patient', id } })),
      link: next ? [{ relation: 'next', url: next }] : [],
    });
    const fhir = await fakeFhir([
      json(200, page(['a', 'b'], 'Patient?_count=2&_offset=2')),
      json(200, page(['c'])),
    ]);
    const sut = createPublicHealthConnector({ baseUrl: fhir.url, token: 't', pageSize: 2 });
    const ids: unknown[] = [];
    for await (const record of sut.exportAll()) ids.push(record.id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(fhir.calls()).toEqual([
      'GET /fhir/Patient?_count=2&_offset=0',
      'GET /fhir/Patient?_count=2&_offset=2',
    ]);
    await fhir.close();
  });

  it('sends nothing to end a moved-out resident (the archive has no such status)', async () => {
    const fhir = await fakeFhir([]);
    const sut = createPublicHealthConnector({ baseUrl: fhir.url, token: 't' });
    await sut.end(residentSnapshot({ residenceStatus: 'moved_out' }), { externalId: '1' }, on);
    expect(fhir.calls()).toEqual([]);
    await fhir.close();
  });

  it('finds the archive by ID number to record a death it holds no archive number for', async () => {
    const held = { ...patient('4'), identifier: [{ system: 'urn:cn:resident-id', value: '1' }] };
    const fhir = await fakeFhir([
      json(200, { resourceType: 'Bundle', entry: [{ resource: held }] }),
      json(200, held),
      json(200, {}),
    ]);
    const sut = createPublicHealthConnector({ baseUrl: fhir.url, token: 't' });
    const dead = residentSnapshot({ lifeStatus: 'deceased' });
    await sut.end(dead, null, on);
    expect(fhir.calls()).toEqual([
      `GET /fhir/Patient?identifier=urn%3Acn%3Aresident-id%7C${dead.idNumber}`,
      'GET /fhir/Patient/32040200000000001',
      'PUT /fhir/Patient/32040200000000001 W/"4"',
    ]);
    expect(JSON.parse(fhir.bodies()[2])).toMatchObject({ id: '32040200000000001', deceasedBoolean: true });
    await fhir.close();
  });
});
