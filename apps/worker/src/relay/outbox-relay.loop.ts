import { type BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HubConfig } from '@hub/infra';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Client } from 'pg';
import { OutboxRelayService } from './outbox-relay.service';

const SWEEP_EVERY_MS = 30_000;
const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * When the relay runs: on every NOTIFY from the outbox trigger (low latency) and on a poll
 * (NOTIFY is lost while the LISTEN connection is down). Wake-ups that arrive during a pass are
 * coalesced into one more pass, so a burst of commits costs a few passes, not one per commit.
 */
@Injectable()
export class OutboxRelayLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private listener: Client | undefined;
  private reconnectDelay = 1000;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private pass: Promise<void> | undefined;
  private again = false;
  private sweeping = false;
  private stopped = false;

  constructor(
    private readonly relay: OutboxRelayService,
    private readonly config: HubConfig,
    @InjectPinoLogger(OutboxRelayLoop.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    void this.listen();
    this.timers.push(setInterval(() => this.kick(), this.config.RELAY_POLL_MS));
    this.timers.push(setInterval(() => void this.sweep(), SWEEP_EVERY_MS));
    this.kick();
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'outbox relay stopping');
    this.stopped = true;
    this.timers.forEach(clearInterval);
    clearTimeout(this.reconnectTimer);
    await this.listener?.end().catch(() => undefined);
    // Let an open relay transaction finish before the pool is closed under it.
    await this.pass;
  }

  kick(): void {
    if (this.stopped) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.pass = this.run().finally(() => (this.pass = undefined));
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.relay.drain();
      } catch (error) {
        // Redis or PostgreSQL unavailable: the next poll tries again; nothing was marked dispatched.
        this.logger.error({ err: error }, 'outbox relay pass failed');
        return;
      }
    } while (this.again && !this.stopped);
  }

  private async sweep(): Promise<void> {
    if (this.sweeping || this.stopped) return;
    this.sweeping = true;
    try {
      await this.relay.sweepLostJobs();
    } catch (error) {
      this.logger.error({ err: error }, 'outbox lost-job sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  /** A dedicated connection: LISTEN needs a session, which a pooled connection cannot keep. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    let dropped = false;
    const onDrop = (error?: Error): void => {
      if (dropped) return;
      dropped = true;
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ err: error, retryInMs: this.reconnectDelay }, 'outbox LISTEN connection lost');
      this.reconnectTimer = setTimeout(() => void this.listen(), this.reconnectDelay);
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, MAX_RECONNECT_DELAY_MS);
    };
    client.on('notification', () => this.kick());
    client.on('error', onDrop);
    client.on('end', () => onDrop());
    try {
      await client.connect();
      await client.query('LISTEN outbox_event');
      if (this.stopped) {
        await client.end();
        return;
      }
      this.listener = client;
      this.reconnectDelay = 1000;
      // Commits made while we were not listening sent their NOTIFY to nobody.
      this.kick();
    } catch (error) {
      onDrop(error as Error);
    }
  }
}
