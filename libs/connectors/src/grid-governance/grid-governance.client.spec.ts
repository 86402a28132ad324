import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GridGovernanceClient } from './grid-governance.client';

/** A platform that turns the first reads away with 429 + Retry-After, then answers. */
function platform(refusals: number): Promise<{ server: Server; url: string; calls: () => number }> {
  let calls = 0;
  const server = createServer((_req, res) => {
    calls += 1;
    if (calls <= refusals) {
      res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' });
      res.end('{"error":{"status":"RESOURCE_EXHAUSTED","message":"too many"}}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"persons":[]}');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        calls: () => calls,
      }),
    ),
  );
}

describe('grid-governance client reads', () => {
  it('asks again after Retry-After when the platform answers 429', async () => {
    const p = await platform(2);
    try {
      const client = new GridGovernanceClient({ baseUrl: p.url, token: 't', minCallIntervalMs: 0 });
      await expect(client.get('/api/v2/persons')).resolves.toEqual({ persons: [] });
      expect(p.calls()).toBe(3);
    } finally {
      p.server.close();
    }
  });

  it('gives up after a few refusals with a temporary error', async () => {
    const p = await platform(10);
    try {
      const client = new GridGovernanceClient({ baseUrl: p.url, token: 't', minCallIntervalMs: 0 });
      await expect(client.get('/api/v2/persons')).rejects.toMatchObject({ kind: 'temporary' });
      expect(p.calls()).toBe(4);
    } finally {
      p.server.close();
    }
  });
});
