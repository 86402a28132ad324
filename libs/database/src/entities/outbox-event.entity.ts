import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface OutboxSubject {
  type: 'resident' | 'household';
  id: string;
  version: number;
}

@Entity({ name: 'outbox_event' })
export class OutboxEvent {
  /** bigint arrives as a string from pg: ids beyond 2^53 stay exact. */
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) source: string;
  @Column({ type: 'jsonb' }) subjects: OutboxSubject[];
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
  @Column({ name: 'dispatch_count', type: 'integer' }) dispatchCount: number;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ name: 'confirm_count', type: 'integer' }) confirmCount: number;
}
