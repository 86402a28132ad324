import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, ChangeSource } from './actor';
import { ChangeContext } from './change-context';
import { ChangeEventRepository } from './change-event.repository';
import { RecordError } from './record-error';
import { translateConstraint } from './constraint-problems';

const DEADLOCK_ATTEMPTS = 3;

const isDeadlock = (error: unknown): boolean => (error as { code?: string } | null)?.code === '40P01';

export interface ChangeOutcome<T> {
  result: T;
  eventId: string;
}

/**
 * The only way the unified record changes. In one transaction: the change itself, a version row
 * per touched subject, one audit row with before and after, and one outbox event naming the
 * subjects and their new versions (ids and versions only, never personal data).
 */
@Injectable()
export class ChangeWriter {
  constructor(readonly dataSource: DataSource) {}

  async run<T>(
    actor: Actor,
    kind: string,
    source: ChangeSource,
    apply: (ctx: ChangeContext) => Promise<T>,
  ): Promise<ChangeOutcome<T>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (tx) => {
          const ctx = new ChangeContext(tx, actor, source);
          const result = await apply(ctx);
          const subjects = ctx.subjects;
          if (subjects.length === 0) {
            throw new RecordError('invalid', '没有需要保存的修改：提交的内容与现有记录相同');
          }
          const eventId = await new ChangeEventRepository(tx).write({
            kind: ctx.kind ?? kind,
            source,
            subjects,
            actor,
            reason: ctx.reason,
          });
          return { result, eventId };
        });
      } catch (error) {
        // Two changes locking one household's rows in opposite orders (a household-wide status
        // and a member's death): PostgreSQL cancels one, which is simply run again.
        if (isDeadlock(error) && attempt < DEADLOCK_ATTEMPTS) continue;
        throw translateConstraint(error) ?? error;
      }
    }
  }
}
