import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sm3, sm4 } from 'sm-crypto';

/** Every request and reply body of the 社区矫正信息系统 (spec §9). */
export interface Envelope {
  /** base64 of SM4-CBC(PKCS#7) over the UTF-8 JSON. */
  data: string;
  /** 16 bytes, hex; fresh for every message. */
  iv: string;
  /** hex HMAC-SM3 over `data + iv + timestamp`. */
  sign: string;
  /** Milliseconds since the epoch, when the message was sealed. */
  timestamp: number;
}

export interface EnvelopeKeys {
  /** 128-bit SM4 key, 32 hex digits. */
  sm4Key: string;
  /** The HMAC key as configured: a passphrase, used as its UTF-8 bytes. */
  macKey: string;
}

export class EnvelopeError extends Error {}

/** sm-crypto reads a string HMAC key as hex; the configured key is a passphrase, so pass bytes. */
const macKeyBytes = (macKey: string): number[] => Array.from(Buffer.from(macKey, 'utf8'));

export function signEnvelope(data: string, iv: string, timestamp: number, macKey: string): string {
  return sm3(`${data}${iv}${timestamp}`, { key: macKeyBytes(macKey), mode: 'hmac' });
}

export function seal(
  payload: unknown,
  keys: EnvelopeKeys,
  timestamp: number = Date.now(),
  iv: string = randomBytes(16).toString('hex'),
): Envelope {
  const plain = Array.from(Buffer.from(JSON.stringify(payload), 'utf8'));
  const cipher = sm4.encrypt(plain, keys.sm4Key, { mode: 'cbc', iv, padding: 'pkcs#7', output: 'array' });
  const data = Buffer.from(cipher).toString('base64');
  return { data, iv, sign: signEnvelope(data, iv, timestamp, keys.macKey), timestamp };
}

export function isEnvelope(body: unknown): body is Envelope {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.data === 'string' && typeof b.iv === 'string' && typeof b.sign === 'string';
}

/**
 * Verifies the signature first (never decrypt what was not signed with our key), then decrypts.
 * The reply's timestamp is not checked for freshness: that rule guards the department against
 * replayed requests, and our clock need not agree with theirs.
 */
export function open<T = unknown>(envelope: Envelope, keys: EnvelopeKeys): T {
  const expected = Buffer.from(
    signEnvelope(envelope.data, envelope.iv, envelope.timestamp, keys.macKey),
    'hex',
  );
  const given = Buffer.from(envelope.sign.toLowerCase(), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new EnvelopeError('signature does not verify');
  }
  try {
    const cipher = Array.from(Buffer.from(envelope.data, 'base64'));
    const plain = sm4.decrypt(cipher, keys.sm4Key, {
      mode: 'cbc',
      iv: envelope.iv,
      padding: 'pkcs#7',
      output: 'array',
    });
    return JSON.parse(Buffer.from(plain).toString('utf8')) as T;
  } catch (error) {
    throw new EnvelopeError(`cannot decrypt: ${(error as Error).message}`);
  }
}
