import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The 民政局 request signature: hex HMAC-SHA256, keyed with the app secret, over
 * `method\npath\ntimestamp\nnonce\nsha256(body)`. `path` is the URL path without the query
 * string (the spec says path); the body hash is the hex SHA-256 of the exact bytes sent, of the
 * empty string for a GET. Kept in this folder: no other of the hub's departments signs this way.
 */
export interface SignInput {
  method: string;
  path: string;
  body: string;
  appKey: string;
  appSecret: string;
  /** Milliseconds; a fresh timestamp and nonce for every call (the department refuses reuse). */
  timestamp?: number;
  nonce?: string;
}

export function civilSignatureBase(
  method: string,
  path: string,
  timestamp: string,
  nonce: string,
  body: string,
) {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  return [method.toUpperCase(), path, timestamp, nonce, bodyHash].join('\n');
}

export function signCivilRequest(input: SignInput): Record<string, string> {
  const timestamp = String(input.timestamp ?? Date.now());
  const nonce = input.nonce ?? randomBytes(16).toString('hex');
  const base = civilSignatureBase(input.method, input.path, timestamp, nonce, input.body);
  return {
    'X-App-Key': input.appKey,
    'X-Timestamp': timestamp,
    'X-Nonce': nonce,
    'X-Sign': createHmac('sha256', input.appSecret).update(base, 'utf8').digest('hex'),
  };
}
