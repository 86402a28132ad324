import { ConnectorError, httpCall } from '../common';
import { isSuccess, refusalKind } from './justice-corrections.codes';
import { EnvelopeError, isEnvelope, open, seal, type EnvelopeKeys } from './justice-corrections.envelope';
import type { JusticeCorrectionsOptions, SqjzReply } from './justice-corrections.types';

/**
 * One sealed call: the request body is sealed with the shared keys, the reply verified and
 * opened. A reply whose signature does not verify is `temporary`: our request did reach the
 * department (a wrong key would have been refused there first), so the likely cause is a
 * damaged or tampered reply, and `save` is an upsert a retry may safely repeat.
 */
export class JusticeCorrectionsClient {
  private readonly keys: EnvelopeKeys;
  private readonly base: string;

  constructor(private readonly options: JusticeCorrectionsOptions) {
    this.keys = { sm4Key: options.sm4Key, macKey: options.macKey };
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  async call(path: string, payload: unknown): Promise<SqjzReply> {
    const res = await httpCall({
      method: 'POST',
      url: `${this.base}${path}`,
      timeoutMs: this.options.timeoutMs,
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
      body: JSON.stringify(seal(payload, this.keys)),
    });
    const reply = this.readReply(res.text(), res.status);
    if (res.status >= 300) {
      throw new ConnectorError(refusalKind(res.status), messageOf(reply, res.status), {
        status: res.status,
        departmentCode: reply.code === undefined ? undefined : String(reply.code),
      });
    }
    if (!isSuccess(reply.code)) {
      throw ConnectorError.refused(messageOf(reply, res.status), {
        status: res.status,
        departmentCode: String(reply.code),
      });
    }
    return reply;
  }

  private readReply(text: string, status: number): SqjzReply {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ConnectorError(
        status >= 300 ? refusalKind(status) : 'temporary',
        `HTTP ${status}: reply is not JSON`,
        {
          status,
        },
      );
    }
    // Refusals of a message the department could not read may come unsealed.
    if (!isEnvelope(body)) return (body ?? {}) as SqjzReply;
    try {
      return open<SqjzReply>(body, this.keys);
    } catch (error) {
      if (error instanceof EnvelopeError)
        throw ConnectorError.temporary(`justice-corrections reply: ${error.message}`, { status });
      throw error;
    }
  }
}

const messageOf = (reply: SqjzReply, status: number): string =>
  reply.message ?? reply.msg ?? `HTTP ${status}`;
