import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call as the department received it; parsing the body (JSON, form, XML, multipart) is the spec's. */
export interface RecordedCall {
  method: string;
  /** Path and query, as the request line gave them. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The body decoded as UTF-8: enough for JSON, forms and XML. */
  body: string;
  /** The body's bytes, for GBK forms and multipart uploads that UTF-8 would garble. */
  raw: Buffer;
}

/** How the department replies. An object body is sent as JSON; a string or Buffer as it is. */
export interface Answer {
  status?: number;
  body?: string | Buffer | object;
  headers?: Record<string, string>;
}

export type Answerer = (call: RecordedCall) => Answer | Promise<Answer>;

export interface StandIn {
  /** http://127.0.0.1:<port>, with no trailing slash. */
  url: string;
  /** Every call so far, in arrival order; specs may empty it between tests (`calls.length = 0`). */
  calls: RecordedCall[];
  /** Stops listening; rejects if an answer threw, so a broken stand-in cannot pass as a 500. */
  close(): Promise<void>;
}

/**
 * A department system on a free local port: it reads each request whole, records it, then
 * replies as `answer` says. Specs test connectors through real HTTP this way instead of
 * hand-writing a server each.
 */
export async function standInDepartment(answer: Answerer): Promise<StandIn> {
  const calls: RecordedCall[] = [];
  const failures: unknown[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const call = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw };
      calls.push({ ...call, body: raw.toString('utf8') });
      Promise.resolve(calls[calls.length - 1])
        .then(answer)
        .then(({ status = 200, body, headers = {} }) => {
          const json = typeof body === 'object' && !Buffer.isBuffer(body);
          res
            .writeHead(status, json ? { 'content-type': 'application/json', ...headers } : headers)
            .end(json ? JSON.stringify(body) : body);
        })
        .catch((error: unknown) => {
          failures.push(error);
          res.writeHead(500).end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (failures.length > 0) throw failures[0];
    },
  };
}

/**
 * Answers calls with the given steps in turn (an Answer, or an Answerer for a step that reads
 * the call). Once they run out: `otherwise` if given, else the last step again, as a platform
 * that keeps saying the same thing.
 */
export function inTurn(steps: Array<Answer | Answerer>, otherwise?: Answer): Answerer {
  let next = 0;
  return (call) => {
    const step = next < steps.length ? steps[next] : (otherwise ?? steps[steps.length - 1]);
    next += 1;
    if (step === undefined) return { status: 500 };
    return typeof step === 'function' ? step(call) : step;
  };
}
