import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maskName } from '@hub/domain';
import { canSeeCorrections, RecordError, seesPersonalData, type Actor } from '@hub/record';
import { ConnectorStateRepository } from '@hub/ledger';
import { presentSystems, type SystemDelivery, type ViewOptions } from './delivery-view';
import { SubjectDeliveriesRepository } from './subject-deliveries.repository';

export interface SubjectDeliveries {
  subject: { type: 'resident' | 'household'; id: string; version: number };
  systems: SystemDelivery[];
}

export interface HouseholdDeliveries {
  household: SubjectDeliveries;
  members: Array<{ residentId: string; name: string; version: number; systems: SystemDelivery[] }>;
}

/**
 * "Where did my change go": per department system, the latest ledger row of a resident or a
 * household (and its members). Read within the actor's scope, like the record itself.
 */
@Injectable()
export class SubjectDeliveriesService {
  private readonly ledger: SubjectDeliveriesRepository;
  private readonly connectors: ConnectorStateRepository;

  constructor(db: DataSource) {
    this.ledger = new SubjectDeliveriesRepository(db);
    this.connectors = new ConnectorStateRepository(db);
  }

  async resident(actor: Actor, id: string): Promise<SubjectDeliveries> {
    const version = await this.ledger.residentVersion(actor, id);
    if (version === undefined) throw RecordError.notFound('居民');
    const [ledger, paused] = await Promise.all([this.ledger.latest('resident', [id]), this.pausedSystems()]);
    return {
      subject: { type: 'resident', id, version },
      systems: presentSystems(ledger.get(id) ?? [], this.options(actor, version, paused)),
    };
  }

  async household(actor: Actor, id: string): Promise<HouseholdDeliveries> {
    const version = await this.ledger.householdVersion(actor, id);
    if (version === undefined) throw RecordError.notFound('户');
    const members = await this.ledger.currentMembers(id);
    const [own, theirs, paused] = await Promise.all([
      this.ledger.latest('household', [id]),
      this.ledger.latest(
        'resident',
        members.map((m) => m.id),
      ),
      this.pausedSystems(),
    ]);
    const personal = seesPersonalData(actor);
    return {
      household: {
        subject: { type: 'household', id, version },
        systems: presentSystems(own.get(id) ?? [], this.options(actor, version, paused)),
      },
      members: members.map((m) => ({
        residentId: m.id,
        name: personal ? m.name : maskName(m.name),
        version: m.version,
        systems: presentSystems(theirs.get(m.id) ?? [], this.options(actor, m.version, paused)),
      })),
    };
  }

  private options(actor: Actor, currentVersion: number, paused: ReadonlySet<string>): ViewOptions {
    return {
      currentVersion,
      paused,
      seesCorrections: canSeeCorrections(actor),
      seesPersonalData: seesPersonalData(actor),
    };
  }

  /** The systems whose queues an operator has paused. */
  private async pausedSystems(): Promise<ReadonlySet<string>> {
    return new Set(await this.connectors.pausedSystems());
  }
}
