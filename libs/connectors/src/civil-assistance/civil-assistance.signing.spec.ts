import { createHash, createHmac } from 'node:crypto';
import { civilSignatureBase, signCivilRequest } from './civil-assistance.signing';

describe(signCivilRequest.name, () => {
  const input = {
    method: 'put',
    path: '/api/v1/households/MZ320402000123',
    body: '{"a":1}',
    appKey: 'hub',
    appSecret: 'hub-civil-secret',
    timestamp: 1756692000000,
    nonce: 'abc123',
  };

  it('signs method, path, timestamp, nonce and the body hash, one per line', () => {
    const bodyHash = createHash('sha256').update('{"a":1}').digest('hex');
    const base = `PUT\n/api/v1/households/MZ320402000123\n1756692000000\nabc123\n${bodyHash}`;
    expect(civilSignatureBase('put', input.path, '1756692000000', 'abc123', input.body)).toBe(base);
    expect(signCivilRequest(input)).toEqual({
      'X-App-Key': 'hub',
      'X-Timestamp': '1756692000000',
      'X-Nonce': 'abc123',
      'X-Sign': createHmac('sha256', 'hub-civil-secret').update(base).digest('hex'),
    });
  });

  it('hashes the empty body of a GET', () => {
    const base = civilSignatureBase('GET', '/api/v1/households', '1', 'n', '');
    expect(base.endsWith(createHash('sha256').update('').digest('hex'))).toBe(true);
  });

  it('uses a fresh nonce and the current time by default', () => {
    const { timestamp: _t, nonce: _n, ...rest } = input;
    const a = signCivilRequest(rest);
    const b = signCivilRequest(rest);
    expect(a['X-Nonce']).not.toBe(b['X-Nonce']);
    expect(Math.abs(Number(a['X-Timestamp']) - Date.now())).toBeLessThan(5000);
  });
});
