import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenSource } from './aging-services.token';

describe(TokenSource.name, () => {
  let server: Server;
  let url: string;
  let issued: number;
  let lastBody: string;
  let expiresIn: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        lastBody = body;
        issued += 1;
        res.setHeader('content-type', 'application/json');
        if (!body.includes('client_secret=hub-aging-secret')) {
          res.statusCode = 401;
          res.end(JSON.stringify({ error: 'invalid_client' }));
          return;
        }
        res.end(JSON.stringify({ access_token: `t${issued}`, token_type: 'Bearer', expires_in: expiresIn }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/token`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    issued = 0;
    expiresIn = 600;
  });

  const source = (secret = 'hub-aging-secret', renewBeforeMs = 60_000) =>
    new TokenSource({ tokenUrl: url, clientId: 'hub', clientSecret: secret, renewBeforeMs });

  it('asks with the client-credentials grant and shares one token', async () => {
    const sut = source();
    const tokens = await Promise.all([sut.current(), sut.current(), sut.current()]);
    expect(tokens).toEqual(['t1', 't1', 't1']);
    expect(issued).toBe(1);
    expect(new URLSearchParams(lastBody).get('grant_type')).toBe('client_credentials');
    expect(new URLSearchParams(lastBody).get('client_id')).toBe('hub');
  });

  it('renews shortly before expiry', async () => {
    expiresIn = 1;
    const sut = source('hub-aging-secret', 1_000);
    await sut.current();
    await sut.current();
    expect(issued).toBe(2);
  });

  it('renews after being told the token was refused', async () => {
    const sut = source();
    await sut.current();
    sut.forget();
    expect(await sut.current()).toBe('t2');
  });

  it('gives an auth error for bad client credentials', async () => {
    await expect(source('wrong').current()).rejects.toMatchObject({ kind: 'auth' });
  });
});
