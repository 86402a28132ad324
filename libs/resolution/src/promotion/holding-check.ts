import type { Connector } from '@hub/connectors';
import { isActiveResident } from '@hub/domain';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import type { SnapshotService } from '@hub/record';
import type { DataSource } from 'typeorm';
import { HoldingRepository, type Dispute } from './holding.repository';

const CHUNK = 2_000;

const systemName = (slug: string): string => DEPARTMENT_SYSTEMS.find((s) => s.slug === slug)?.name ?? slug;

/**
 * After go-live, each department's holding of a newly promoted living resident is held against
 * the hub's rule for that department (its relevance). Where they disagree, the next change to
 * the person would otherwise create a second record there or end one the department keeps: the
 * link is marked disputed (the hub then keeps what the department holds) and a finding asks a
 * worker to decide.
 */
export class HoldingCheck {
  private readonly repository: HoldingRepository;

  constructor(
    db: DataSource,
    private readonly snapshots: SnapshotService,
    private readonly connectors: readonly Connector[],
  ) {
    this.repository = new HoldingRepository(db);
  }

  async run(now = new Date()): Promise<number> {
    let disputes = 0;
    for await (const ids of this.repository.newResidents(CHUNK)) {
      const found = await this.disputes(ids, now);
      await this.repository.record(found);
      disputes += found.length;
    }
    return disputes;
  }

  private async disputes(ids: readonly string[], now: Date): Promise<Dispute[]> {
    const links = new Map((await this.repository.links(ids)).map((l) => [`${l.system}/${l.residentId}`, l]));
    const found: Dispute[] = [];
    for (const subject of await this.snapshots.residents(ids)) {
      if (!isActiveResident(subject)) continue;
      for (const connector of this.connectors) {
        const held = links.get(`${connector.slug}/${subject.id}`) ?? null;
        const covered = connector.relevant(subject, now);
        if (covered === (held?.present ?? false)) continue;
        found.push({
          residentId: subject.id,
          communityCode: subject.communityCode,
          system: connector.slug,
          systemName: systemName(connector.slug),
          held,
          covered,
        });
      }
    }
    return found;
  }
}
