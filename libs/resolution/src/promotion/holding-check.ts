import type { Connector } from '@hub/connectors';
import { isActiveResident } from '@hub/domain';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import type { DataSource } from 'typeorm';
import { HoldingRepository, type Dispute, type HeldLink, type NewResident } from './holding.repository';

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
    private readonly connectors: readonly Connector[],
  ) {
    this.repository = new HoldingRepository(db);
  }

  async run(now = new Date()): Promise<number> {
    let disputes = 0;
    const batches = this.repository.newResidents(CHUNK);
    try {
      // Each batch is fetched while the one before is checked: the database and node overlap.
      let next = batches.next();
      for (;;) {
        const current = await next;
        if (current.done) break;
        next = batches.next();
        next.catch(() => undefined);
        const found = this.disputes(current.value, now);
        await this.repository.record(found);
        disputes += found.length;
      }
    } finally {
      await batches.return(undefined);
    }
    return disputes;
  }

  private disputes(residents: readonly NewResident[], now: Date): Dispute[] {
    const found: Dispute[] = [];
    for (const { subject, held: heldLinks } of residents) {
      if (!isActiveResident(subject)) continue;
      const links = new Map<string, HeldLink>(heldLinks.map((l) => [l.system, l]));
      for (const connector of this.connectors) {
        const held = links.get(connector.slug) ?? null;
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
