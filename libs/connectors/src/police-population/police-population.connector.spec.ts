import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { residentSnapshot } from '../testing/snapshots';
import { inTurn, standInDepartment } from '../testing/stand-in-department';
import { createPolicePopulationConnector, POLICE_SERVICE_PATH } from './police-population.connector';

const fixture = (path: string): string => readFileSync(join(__dirname, 'fixtures', path), 'utf8');

const xml = (file: string) => ({
  headers: { 'content-type': 'text/xml; charset=utf-8' },
  body: fixture(file),
});

/**
 * A stand-in that serves the department's WSDL and answers each call with a recorded payload,
 * so classification is tested through the real soap client, not on hand-made objects.
 */
async function withDepartment(replies: Array<{ status: number; file: string }>) {
  const calls = inTurn(
    replies.map(({ status, file }) => ({ ...xml(file), status })),
    { ...xml('not-ok/fault-e500.xml'), status: 500 },
  );
  const server = await standInDepartment((call) =>
    call.url.endsWith('?wsdl') ? xml('ok/rkxx-service.wsdl') : calls(call),
  );
  const sut = createPolicePopulationConnector({
    baseUrl: server.url,
    username: 'hub',
    password: 'hub-police-secret',
  });
  const department = {
    // The SOAP envelopes sent, leaving out the client fetching the WSDL.
    get requests() {
      return server.calls.filter((c) => !c.url.endsWith('?wsdl')).map((c) => c.body);
    },
    stop: server.close,
  };
  return { sut, department };
}

const on = new Date('2025-09-01T10:00:00+08:00');

describe(createPolicePopulationConnector.name, () => {
  it('serves the documented path', () => {
    expect(POLICE_SERVICE_PATH).toBe('/rkxx/services/RkxxService');
  });

  it('pushes with a plain UsernameToken and keeps the own id', async () => {
    const { sut, department } = await withDepartment([{ status: 200, file: 'ok/save-ryxx.xml' }]);
    try {
      await expect(sut.push(residentSnapshot(), null, on)).resolves.toEqual({
        externalId: 'R32040200000001',
      });
      expect(department.requests[0]).toContain('<wsse:Username>hub</wsse:Username>');
      expect(department.requests[0]).toMatch(/PasswordText">hub-police-secret</);
      expect(department.requests[0]).toContain('<GMSFHM>320402196403150131</GMSFHM>');
    } finally {
      await department.stop();
    }
  });

  it.each([
    [
      'E102 in a 200 reply → refused, final, with the department’s message',
      200,
      'not-ok/save-ryxx-e102.xml',
      'refused',
      'E102 公民身份号码校验错误',
      undefined,
    ],
    [
      'E429 fault → temporary after a second',
      500,
      'not-ok/fault-e429.xml',
      'temporary',
      'E429 请求过于频繁',
      1000,
    ],
    ['E401 fault → auth', 500, 'not-ok/fault-e401.xml', 'auth', 'E401 认证失败：用户名或密码错误', undefined],
    [
      'E500 fault → temporary',
      500,
      'not-ok/fault-e500.xml',
      'temporary',
      'E500 系统内部错误，请稍后重试',
      undefined,
    ],
  ])('classifies %s', async (_label, status, file, kind, message, retryAfterMs) => {
    const { sut, department } = await withDepartment([{ status, file }]);
    try {
      const error = await sut.push(residentSnapshot(), null, on).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind, message, details: expect.objectContaining({ retryAfterMs }) });
    } finally {
      await department.stop();
    }
  });

  it('refuses a resident without an ID number before calling', async () => {
    const { sut, department } = await withDepartment([]);
    try {
      await expect(sut.push(residentSnapshot({ idNumber: null }), null, on)).rejects.toMatchObject({
        kind: 'refused',
      });
      expect(department.requests).toHaveLength(0);
    } finally {
      await department.stop();
    }
  });

  it('reads a change feed and moves the cursor to the latest BGSJ', async () => {
    const { sut, department } = await withDepartment([{ status: 200, file: 'ok/query-bgxx-death.xml' }]);
    try {
      const page = await sut.changes!('20250101000000');
      expect(page.cursor).toBe('20261127133140');
      expect(page.changes[0]).toMatchObject({
        idNumber: '320402196403150131',
        fields: { lifeStatus: 'deceased' },
      });
    } finally {
      await department.stop();
    }
  });

  it('starts its change feed at a time as the department writes BGSJ (Beijing time)', () => {
    const sut = createPolicePopulationConnector({
      baseUrl: 'http://127.0.0.1:1',
      username: 'hub',
      password: 'hub-police-secret',
    });
    expect(sut.cursorAt?.(new Date('2026-12-07T21:40:05Z'))).toBe('20261208054005');
  });

  it('a department that is down is temporary', async () => {
    const sut = createPolicePopulationConnector({
      baseUrl: 'http://127.0.0.1:9',
      username: 'hub',
      password: 'x',
    });
    await expect(sut.push(residentSnapshot(), null, on)).rejects.toMatchObject({ kind: 'temporary' });
  });
});
