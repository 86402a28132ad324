import { requestToken, TOKEN_COOKIE } from './auth-cookie';

describe(requestToken.name, () => {
  it('takes the bearer header first', () => {
    expect(requestToken({ authorization: 'Bearer abc.def', cookie: `${TOKEN_COOKIE}=xyz` })).toBe('abc.def');
  });

  it('else finds the token cookie among others', () => {
    expect(requestToken({ cookie: `theme=dark; ${TOKEN_COOKIE}=aa.bb.cc; lang=zh` })).toBe('aa.bb.cc');
  });

  it('finds nothing without either, or in a cookie of another name', () => {
    expect(requestToken({})).toBeUndefined();
    expect(requestToken({ cookie: 'hub_token_old=zz; other=1' })).toBeUndefined();
    expect(requestToken({ authorization: 'Basic dXNlcg==' })).toBeUndefined();
    expect(requestToken({ cookie: `${TOKEN_COOKIE}=` })).toBeUndefined();
  });

  it('ignores a cookie value that is not valid percent-encoding', () => {
    expect(requestToken({ cookie: `${TOKEN_COOKIE}=%E0%A4%A` })).toBeUndefined();
  });
});
