import { Agent, request } from 'node:http';

export interface Answer {
  status: number;
  body: string;
}

/**
 * A minimal JSON client over node's own http module: one keep-alive socket per worker, so the
 * figures measure the API, not connection set-up (supertest or a fresh socket per call would).
 */
export class HttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly port: number,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  post(path: string, json: string, token?: string): Promise<Answer> {
    return this.send('POST', path, json, token);
  }

  patch(path: string, json: string, token?: string): Promise<Answer> {
    return this.send('PATCH', path, json, token);
  }

  get(path: string, token?: string): Promise<Answer> {
    return this.send('GET', path, '', token);
  }

  private send(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    json: string,
    token?: string,
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(json),
      };
      if (token) headers.authorization = `Bearer ${token}`;
      const req = request(
        { host: '127.0.0.1', port: this.port, path, method, agent: this.agent, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(json);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
