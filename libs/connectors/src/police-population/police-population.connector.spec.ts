import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { residentSnapshot } from '../testing/snapshots';
import { createPolicePopulationConnector, POLICE_SERVICE_PATH } from './police-population.connector';

const fixture = (path: string): string => readFileSync(join(__dirname, 'fixtures', path), 'utf8');

/**
 * A stand-in that serves the department's WSDL and answers each call with a recorded payload,
 * so classification is tested through the real soap client, not on hand-made objects.
 */
function replaying(replies: Array<{ status: number; file: string }>) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url?.endsWith('?wsdl')) {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(fixture('ok/rkxx-service.wsdl'));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push(body);
      const reply = replies.shift() ?? { status: 500, file: 'not-ok/fault-e500.xml' };
      res.writeHead(reply.status, { 'content-type': 'text/xml; charset=utf-8' }).end(fixture(reply.file));
    });
  });
  return {
    requests,
    server,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function withDepartment(replies: Array<{ status: number; file: string }>) {
  const department = replaying(replies);
  const baseUrl = await department.start();
  const sut = createPolicePopulationConnector({ baseUrl, username: 'hub', password: 'hub-police-secret' });
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
