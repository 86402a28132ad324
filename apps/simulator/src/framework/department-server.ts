import { createServer, type RequestListener, type Server } from 'node:http';
import type { Socket } from 'node:net';

/** One department's listening socket; "down" closes it so connections are refused, "up" reopens it. */
export class DepartmentServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly listener: RequestListener,
    private readonly host = '127.0.0.1',
  ) {}

  async listen(port: number): Promise<number> {
    const server = createServer(this.listener);
    server.keepAliveTimeout = 5000;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.host, () => resolve());
    });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  get up(): boolean {
    return this.server !== undefined;
  }

  async setDown(down: boolean): Promise<void> {
    if (down && this.server) {
      const server = this.server;
      this.server = undefined;
      for (const socket of this.sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    } else if (!down && !this.server) {
      await this.listen(this.port);
    }
  }

  async close(): Promise<void> {
    await this.setDown(true);
  }
}
