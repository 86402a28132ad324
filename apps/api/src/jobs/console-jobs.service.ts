import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  CONSOLE_JOB_OPTIONS,
  DEPARTMENT_SYSTEMS,
  HubConfig,
  ConsoleJobName,
  QueueName,
  type ReconcileJobPayload,
} from '@hub/infra';
import { RecordError, type Actor } from '@hub/record';
import { jobView, type JobView } from './job-view';

const RECONCILABLE = new Set<string>(
  DEPARTMENT_SYSTEMS.filter((s) => s.mode !== 'report').map((s) => s.slug),
);

/**
 * Long work asked for in the console. The api only adds jobs to `console-jobs` and reads their
 * state; the worker runs them (it holds the connectors and may take minutes without slowing
 * the api's answers).
 */
@Injectable()
export class ConsoleJobs implements OnModuleDestroy {
  readonly queue: Queue;

  constructor(config: HubConfig) {
    this.queue = new Queue(QueueName.Console, {
      connection: { url: config.REDIS_URL, maxRetriesPerRequest: 3 },
      prefix: config.QUEUE_PREFIX,
    });
    this.queue.on('error', () => undefined);
  }

  /** Starts a reconciliation of one system; while one of that system waits or runs, that one answers. */
  async reconcile(actor: Actor, system: string, repair: boolean): Promise<JobView> {
    if (!DEPARTMENT_SYSTEMS.some((s) => s.slug === system)) throw RecordError.notFound('系统');
    if (!RECONCILABLE.has(system)) {
      throw RecordError.invalid([{ field: 'system', message: '统计直报平台不保存居民记录，无需对账' }]);
    }
    const open = await this.queue.getJobs(['active', 'waiting', 'delayed', 'prioritized']);
    const running = open.find(
      (j) => j.name === String(ConsoleJobName.Reconcile) && (j.data as ReconcileJobPayload).system === system,
    );
    if (running) return (await this.view(String(running.id))) ?? jobView(running, 'waiting');
    const payload: ReconcileJobPayload = { system, repair, requestedBy: actor.userId };
    const job = await this.queue.add(ConsoleJobName.Reconcile, payload, CONSOLE_JOB_OPTIONS);
    return jobView(job, 'waiting');
  }

  /** Starts an import of every department, its resolution and promotion; one at a time city-wide. */
  importAll(actor: Actor): Promise<JobView> {
    return this.once(ConsoleJobName.Import, actor);
  }

  /** Starts a promotion of the golden records into the unified record; one at a time city-wide. */
  promote(actor: Actor): Promise<JobView> {
    return this.once(ConsoleJobName.Promote, actor);
  }

  /** A city-wide job: while one of its kind waits or runs, that one answers. */
  private async once(name: ConsoleJobName, actor: Actor): Promise<JobView> {
    const open = await this.queue.getJobs(['active', 'waiting', 'delayed', 'prioritized']);
    const running = open.find((j) => j.name === String(name));
    if (running) return (await this.view(String(running.id))) ?? jobView(running, 'waiting');
    const job = await this.queue.add(name, { requestedBy: actor.userId }, CONSOLE_JOB_OPTIONS);
    return jobView(job, 'waiting');
  }

  async get(id: string): Promise<JobView> {
    const view = /^\d{1,18}$/.test(id) ? await this.view(id) : undefined;
    if (!view) throw new RecordError('not-found', '任务不存在或已过期');
    return view;
  }

  /**
   * The state is read before the job's data: a job finishing between the two reads is then shown
   * as still running (the next poll sees it done), never as completed without its result.
   */
  private async view(id: string): Promise<JobView | undefined> {
    const state = await this.queue.getJobState(id);
    const job = await this.queue.getJob(id);
    return job ? jobView(job, state) : undefined;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}
