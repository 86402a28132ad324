import fc from 'fast-check';
import { EnvelopeError, open, seal, signEnvelope } from './justice-corrections.envelope';

const keys = { sm4Key: '0123456789abcdeffedcba9876543210', macKey: 'hub-justice-mac-key' };

describe(seal.name, () => {
  it('round-trips any JSON payload, Chinese text included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (payload) => {
        expect(open(seal(payload, keys), keys)).toEqual(JSON.parse(JSON.stringify(payload)));
      }),
      { numRuns: 50 },
    );
    expect(open(seal({ xm: '阿依古丽·买买提', jzdz: '青龙苑3幢' }, keys), keys)).toEqual({
      xm: '阿依古丽·买买提',
      jzdz: '青龙苑3幢',
    });
  });

  it('has the spec shape: base64 data, hex iv, hex sign over data+iv+timestamp, ms timestamp', () => {
    const sut = seal({ a: 1 }, keys, 1_764_000_000_000, '000102030405060708090a0b0c0d0e0f');
    expect(sut.iv).toBe('000102030405060708090a0b0c0d0e0f');
    expect(sut.timestamp).toBe(1_764_000_000_000);
    expect(Buffer.from(sut.data, 'base64').length % 16).toBe(0);
    expect(sut.sign).toMatch(/^[0-9a-f]{64}$/);
    expect(sut.sign).toBe(signEnvelope(sut.data, sut.iv, sut.timestamp, keys.macKey));
  });

  it('uses a fresh iv each time', () => {
    expect(seal({}, keys).iv).not.toBe(seal({}, keys).iv);
  });
});

describe(open.name, () => {
  it('refuses a tampered body, iv or timestamp', () => {
    const sealed = seal({ zt: '1' }, keys);
    const tampered = [
      { ...sealed, data: Buffer.from('x'.repeat(16)).toString('base64') },
      { ...sealed, iv: 'ff'.repeat(16) },
      { ...sealed, timestamp: sealed.timestamp + 1 },
      { ...sealed, sign: 'zz' },
    ];
    for (const envelope of tampered) expect(() => open(envelope, keys)).toThrow(EnvelopeError);
  });

  it('refuses a reply signed with another key', () => {
    expect(() => open(seal({}, { ...keys, macKey: 'other' }), keys)).toThrow('signature does not verify');
  });

  it('accepts an upper-case hex signature', () => {
    const sealed = seal({ ok: true }, keys);
    expect(open({ ...sealed, sign: sealed.sign.toUpperCase() }, keys)).toEqual({ ok: true });
  });
});
