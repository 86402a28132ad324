import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { UserRole } from '@hub/database';
import { DEPARTMENT_SYSTEMS, deliveryQueueName, HubConfig, QueueName } from '@hub/infra';
import { requestToken } from '../auth/auth-cookie';
import type { TokenClaims } from '../auth/auth.types';

export const QUEUE_BOARD_PATH = '/api/admin/queues';

const ALLOWED: UserRole[] = ['it_operator', 'admin'];

/**
 * Bull Board for raw queue access: the online systems' delivery queues (batch systems are
 * flushed from the ledger and have none), the fan-out and the console's jobs. A browser opens
 * it by navigating, so the login cookie is accepted as well as the bearer header.
 */
@Injectable()
export class QueueBoard implements OnModuleDestroy {
  private readonly queues: Queue[];

  constructor(
    config: HubConfig,
    private readonly jwt: JwtService,
  ) {
    const names = [
      ...DEPARTMENT_SYSTEMS.filter((s) => s.mode === 'online').map((s) => deliveryQueueName(s.slug)),
      QueueName.Fanout,
      QueueName.Console,
    ];
    this.queues = names.map((name) => {
      const queue = new Queue(name, {
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: 3 },
        prefix: config.QUEUE_PREFIX,
      });
      queue.on('error', () => undefined);
      return queue;
    });
  }

  /** The guard and the board, to mount at QUEUE_BOARD_PATH. */
  handlers(): RequestHandler[] {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: this.queues.map((q) => new BullMQAdapter(q)),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: '队列 · 社区数据中台' } },
    });
    return [this.guard, adapter.getRouter() as RequestHandler];
  }

  private readonly guard = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const refuse = (status: number, message: string) =>
      void res.status(status).json({ message, errors: [], correlationId: '' });
    const token = requestToken(req.headers);
    if (!token) return refuse(401, '请先登录，或登录已过期');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return refuse(401, '请先登录，或登录已过期');
    }
    if (!ALLOWED.includes(claims.role)) return refuse(403, '您的角色没有该操作的权限');
    next();
  };

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
  }
}
