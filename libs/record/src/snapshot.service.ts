import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HouseholdSnapshot, ResidentSnapshot } from '@hub/domain';
import { SnapshotRepository } from './snapshot.repository';

/**
 * The current state of a subject, whole, for connectors (not scoped to a user: only the worker
 * calls it, and each connector then keeps only its own fields).
 */
@Injectable()
export class SnapshotService {
  private readonly snapshots: SnapshotRepository;

  constructor(db: DataSource) {
    this.snapshots = new SnapshotRepository(db);
  }

  async resident(id: string): Promise<ResidentSnapshot | undefined> {
    return (await this.residents([id]))[0];
  }

  /** Several residents in one statement (the go-live check reads the city in chunks). */
  residents(ids: readonly string[]): Promise<ResidentSnapshot[]> {
    return this.snapshots.residents(ids);
  }

  async household(id: string): Promise<HouseholdSnapshot | undefined> {
    return (await this.households([id]))[0];
  }

  /** Several households in two statements (reconciliation reads the city in batches). */
  households(ids: readonly string[]): Promise<HouseholdSnapshot[]> {
    return this.snapshots.households(ids);
  }
}
