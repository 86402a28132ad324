import { standInDepartment, type StandIn } from '../testing/stand-in-department';
import { TokenSource } from './aging-services.token';

describe(TokenSource.name, () => {
  let dept: StandIn;
  let expiresIn: number;
  // Tokens are numbered by the calls this test made, so `t2` means "asked a second time".
  const issued = () => dept.calls.length;
  const lastBody = () => dept.calls[dept.calls.length - 1].body;

  beforeAll(async () => {
    dept = await standInDepartment(({ body }) =>
      body.includes('client_secret=hub-aging-secret')
        ? { body: { access_token: `t${issued()}`, token_type: 'Bearer', expires_in: expiresIn } }
        : { status: 401, body: { error: 'invalid_client' } },
    );
  });
  afterAll(() => dept.close());
  beforeEach(() => {
    dept.calls.length = 0;
    expiresIn = 600;
  });

  const source = (secret = 'hub-aging-secret', renewBeforeMs = 60_000) =>
    new TokenSource({
      tokenUrl: `${dept.url}/oauth/token`,
      clientId: 'hub',
      clientSecret: secret,
      renewBeforeMs,
    });

  it('asks with the client-credentials grant and shares one token', async () => {
    const sut = source();
    const tokens = await Promise.all([sut.current(), sut.current(), sut.current()]);
    expect(tokens).toEqual(['t1', 't1', 't1']);
    expect(issued()).toBe(1);
    expect(new URLSearchParams(lastBody()).get('grant_type')).toBe('client_credentials');
    expect(new URLSearchParams(lastBody()).get('client_id')).toBe('hub');
  });

  it('renews shortly before expiry', async () => {
    expiresIn = 1;
    const sut = source('hub-aging-secret', 1_000);
    await sut.current();
    await sut.current();
    expect(issued()).toBe(2);
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
