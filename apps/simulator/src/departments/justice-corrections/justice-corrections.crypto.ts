import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sm3, sm4 } from 'sm-crypto';

/**
 * Keys the corrections bureau issued to the hub (documented in the report and the connector's
 * settings): SM4 key as 32 hex characters; the MAC key is the UTF-8 text below. sm-crypto reads a
 * string HMAC key as hex, so the text is passed to it as bytes.
 */
export const JUSTICE_SM4_KEY = '0123456789abcdeffedcba9876543210';
export const JUSTICE_MAC_KEY = 'hub-justice-mac-key';
/** Requests whose timestamp is further than this from the department's clock are refused. */
export const TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;

export interface Envelope {
  data: string;
  iv: string;
  sign: string;
  timestamp: number;
}

/** Why an envelope was refused; the server answers each with its own code. */
export class EnvelopeError extends Error {
  constructor(
    readonly kind: 'malformed' | 'signature' | 'expired',
    message: string,
  ) {
    super(message);
  }
}

const macKeyBytes = [...Buffer.from(JUSTICE_MAC_KEY, 'utf8')];

/** hex(HMAC-SM3(data + iv + timestamp, macKey)), timestamp as its decimal digits. */
export function signEnvelope(data: string, iv: string, timestamp: number | string): string {
  return sm3(`${data}${iv}${String(timestamp)}`, { key: macKeyBytes });
}

export function seal(payload: unknown, now: Date): Envelope {
  const iv = randomBytes(16).toString('hex');
  const data = Buffer.from(
    sm4.encrypt(JSON.stringify(payload), JUSTICE_SM4_KEY, { mode: 'cbc', iv, output: 'array' }),
  ).toString('base64');
  const timestamp = now.getTime();
  return { data, iv, sign: signEnvelope(data, iv, timestamp), timestamp };
}

/** Checks shape, signature and freshness, then decrypts the JSON inside. */
export function open(body: unknown, now: Date): unknown {
  const env = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { data, iv, sign, timestamp } = env;
  if (
    typeof data !== 'string' ||
    !/^[A-Za-z0-9+/]+=*$/.test(data) ||
    typeof iv !== 'string' ||
    !/^[0-9a-fA-F]{32}$/.test(iv) ||
    typeof sign !== 'string' ||
    !(typeof timestamp === 'number' || (typeof timestamp === 'string' && /^\d+$/.test(timestamp)))
  )
    throw new EnvelopeError('malformed', '报文格式错误：须包含 data、iv、sign、timestamp');
  const expected = Buffer.from(signEnvelope(data, iv, timestamp), 'hex');
  const given = Buffer.from(sign.toLowerCase(), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new EnvelopeError('signature', '签名验证失败');
  if (Math.abs(now.getTime() - Number(timestamp)) > TIMESTAMP_WINDOW_MS)
    throw new EnvelopeError('expired', '请求时间戳已超过有效期（5分钟）');
  try {
    const bytes = [...Buffer.from(data, 'base64')];
    return JSON.parse(sm4.decrypt(bytes, JUSTICE_SM4_KEY, { mode: 'cbc', iv: iv.toLowerCase() }));
  } catch {
    throw new EnvelopeError('malformed', '报文解密失败');
  }
}
