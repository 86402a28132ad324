import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeGbk } from '../common';
import { residentSnapshot } from '../testing/snapshots';
import { standInDepartment, type Answer, type RecordedCall } from '../testing/stand-in-department';
import { createEmploymentConnector, sinceOf } from './employment.connector';

const fixture = (path: string): Buffer => readFileSync(join(__dirname, 'fixtures', path));
const on = new Date('2025-09-01T10:00:00+08:00');
const adult = residentSnapshot({
  birthDate: '1990-01-01',
  name: '李秀英',
  gender: '2',
  employmentStatus: '2',
});

const loginPage: Answer = {
  headers: { 'content-type': 'text/html; charset=GBK' },
  body: fixture('not-ok/login-page.html'),
};

/** A job centre stand-in: a login handing out numbered sessions, then the given page handler. */
async function jobCentre(page: (call: RecordedCall) => Answer) {
  let sessions = 0;
  const server = await standInDepartment((call) => {
    if (call.url !== '/jy/login.do') return page(call);
    if (call.body !== 'username=hub&password=hub-employment-secret') return loginPage;
    sessions += 1;
    return {
      status: 302,
      headers: { location: '/jy/index.do', 'set-cookie': `JSESSIONID=s${sessions}; Path=/jy; HttpOnly` },
    };
  });
  return {
    baseUrl: server.url,
    // The form arrives GBK-encoded; latin1 keeps one char per byte, so %XX escapes and raw bytes survive.
    get seen() {
      return server.calls.map((c) => ({
        url: c.url,
        cookie: c.headers.cookie,
        body: c.raw.toString('latin1'),
      }));
    },
    stop: server.close,
  };
}

const text = (file: string): Answer => ({
  headers: { 'content-type': 'text/plain; charset=GBK' },
  body: fixture(file),
});

describe(createEmploymentConnector.name, () => {
  it('logs in, posts the form in GBK and keeps the own id', async () => {
    const centre = await jobCentre(() => text('ok/save-reply.txt'));
    try {
      const sut = createEmploymentConnector({
        baseUrl: centre.baseUrl,
        username: 'hub',
        password: 'hub-employment-secret',
      });
      await expect(sut.push(adult, null, on)).resolves.toEqual({ externalId: 'JY3204020000001' });
      const post = centre.seen[1];
      expect(post.cookie).toBe('JSESSIONID=s1');
      // 李 in GBK is C0 EE, percent-encoded byte by byte.
      expect(post.body).toContain('xm=%C0%EE%D0%E3%D3%A2');
      expect(post.body).toMatch(/^action=save&/);
    } finally {
      await centre.stop();
    }
  });

  it('renews an expired session and retries once, transparently', async () => {
    // The first session has expired: the page answers with the login form.
    const centre = await jobCentre((call) =>
      call.headers.cookie === 'JSESSIONID=s1' ? loginPage : text('ok/save-reply.txt'),
    );
    try {
      const sut = createEmploymentConnector({
        baseUrl: centre.baseUrl,
        username: 'hub',
        password: 'hub-employment-secret',
      });
      await expect(sut.push(adult, { externalId: 'JY3204020000001' }, on)).resolves.toEqual({
        externalId: 'JY3204020000001',
      });
      expect(centre.seen.map((s) => s.url)).toEqual([
        '/jy/login.do',
        '/jy/ryxx.do',
        '/jy/login.do',
        '/jy/ryxx.do',
      ]);
      expect(centre.seen[3].body).toContain('jyrybh=JY3204020000001');
    } finally {
      await centre.stop();
    }
  });

  it('wrong credentials are auth', async () => {
    const centre = await jobCentre(() => text('ok/save-reply.txt'));
    try {
      const sut = createEmploymentConnector({ baseUrl: centre.baseUrl, username: 'hub', password: 'wrong' });
      await expect(sut.push(adult, null, on)).rejects.toMatchObject({ kind: 'auth' });
    } finally {
      await centre.stop();
    }
  });

  it('a `1|reason` reply is a final refusal carrying the department’s reason', async () => {
    const centre = await jobCentre(() => text('not-ok/save-refused.txt'));
    try {
      const sut = createEmploymentConnector({
        baseUrl: centre.baseUrl,
        username: 'hub',
        password: 'hub-employment-secret',
      });
      await expect(sut.push(adult, null, on)).rejects.toMatchObject({
        kind: 'refused',
        message: '身份证号码校验错误',
      });
    } finally {
      await centre.stop();
    }
  });

  it('refuses a name the system cannot hold before sending anything', async () => {
    const centre = await jobCentre(() => text('ok/save-reply.txt'));
    try {
      const sut = createEmploymentConnector({
        baseUrl: centre.baseUrl,
        username: 'hub',
        password: 'hub-employment-secret',
      });
      await expect(sut.push({ ...adult, name: '王𠀀' }, null, on)).rejects.toMatchObject({ kind: 'refused' });
      expect(centre.seen).toHaveLength(0);
    } finally {
      await centre.stop();
    }
  });

  it('ends with action=end and the own id', async () => {
    const centre = await jobCentre(() => text('ok/save-reply.txt'));
    try {
      const sut = createEmploymentConnector({
        baseUrl: centre.baseUrl,
        username: 'hub',
        password: 'hub-employment-secret',
      });
      await sut.end(adult, { externalId: 'JY3204020000001' }, on);
      expect(decodeGbk(Buffer.from(centre.seen[1].body, 'latin1'))).toMatch(
        /^action=end&jyrybh=JY3204020000001&sfzhm=/,
      );
    } finally {
      await centre.stop();
    }
  });

  it('reads changes with ?since= in Beijing time', async () => {
    const centre = await jobCentre(() => ({
      headers: { 'content-type': 'text/csv; charset=GBK', date: 'Mon, 01 Sep 2025 02:00:05 GMT' },
      body: fixture('ok/export.csv'),
    }));
    try {
      const sut = createEmploymentConnector({
        baseUrl: centre.baseUrl,
        username: 'hub',
        password: 'hub-employment-secret',
      });
      const page = await sut.changes!('2025-09-01 08:00:00');
      expect(centre.seen[1].url).toBe('/jy/export.do?since=2025-09-01%2008%3A00%3A00');
      expect(page.changes.map((c) => c.fields)).toEqual([
        { employmentStatus: '2' },
        { employmentStatus: '1' },
      ]);
      // The department's Date header, in Beijing time, is the next cursor.
      expect(page.cursor).toBe('2025-09-01 10:00:05');
      expect(page.changes[0].changedAt).toBe('2025-09-01T02:00:05.000Z');
    } finally {
      await centre.stop();
    }
  });

  it('formats instants in Beijing time', () => {
    expect(sinceOf(new Date('2025-09-01T00:30:00Z'))).toBe('2025-09-01 08:30:00');
  });
});
