import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { webConsoleHandlers } from './web-console';

describe(webConsoleHandlers.name, () => {
  let dir: string;
  let sut: express.Express;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<div id="root">控制台</div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    sut = express();
    sut.use(...webConsoleHandlers(dir));
    sut.get('/api/ping', (_req, res) => void res.json({ pong: true }));
    sut.use((_req, res) => void res.status(404).json({ message: '找不到该记录或页面' }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves hashed assets with a long cache', async () => {
    const res = await request(sut).get('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('answers index.html for the console’s own routes, revalidated', async () => {
    const res = await request(sut).get('/households/123');
    expect(res.status).toBe(200);
    expect(res.text).toContain('控制台');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('leaves /api to the api, also for paths that do not exist', async () => {
    expect((await request(sut).get('/api/ping')).body).toEqual({ pong: true });
    expect((await request(sut).get('/api/nothing')).status).toBe(404);
    expect((await request(sut).post('/households')).status).toBe(404);
  });

  it('serves nothing when the console is not built', () => {
    expect(webConsoleHandlers(join(dir, 'missing'))).toEqual([]);
  });
});
