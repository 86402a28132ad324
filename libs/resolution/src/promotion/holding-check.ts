import type { Connector } from '@hub/connectors';
import { isActiveResident, type ResidentSnapshot } from '@hub/domain';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import type { SnapshotService } from '@hub/record';
import type { DataSource } from 'typeorm';
import { HoldingRepository, type Dispute, type HeldLink } from './holding.repository';

interface Chunk {
  held: HeldLink[];
  subjects: ResidentSnapshot[];
}

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
    let reading: Promise<Chunk> | undefined;
    for await (const ids of this.repository.newResidents(CHUNK)) {
      // Each chunk is read while the one before is checked: the database and node overlap.
      const next = this.read(ids);
      next.catch(() => undefined);
      if (reading) disputes += await this.check(await reading, now);
      reading = next;
    }
    if (reading) disputes += await this.check(await reading, now);
    return disputes;
  }

  private async read(ids: readonly string[]): Promise<Chunk> {
    const [held, subjects] = await Promise.all([this.repository.links(ids), this.snapshots.residents(ids)]);
    return { held, subjects };
  }

  private async check({ held, subjects }: Chunk, now: Date): Promise<number> {
    const found = this.disputes(held, subjects, now);
    await this.repository.record(found);
    return found.length;
  }

  private disputes(
    heldLinks: readonly HeldLink[],
    subjects: readonly ResidentSnapshot[],
    now: Date,
  ): Dispute[] {
    const links = new Map(heldLinks.map((l) => [`${l.system}/${l.residentId}`, l]));
    const found: Dispute[] = [];
    for (const subject of subjects) {
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
