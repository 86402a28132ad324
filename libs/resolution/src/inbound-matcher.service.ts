import { Injectable } from '@nestjs/common';
import type { InboundChange } from '@hub/connectors';
import { isPersonSystem } from '@hub/matching';
import { IncrementalResolver, type IncrementalOutcome } from './incremental-resolver.service';
import { inboundPerson } from './inbound-person';

export type InboundMatchCounts = Record<IncrementalOutcome | 'skipped', number>;

export const noInboundMatches = (): InboundMatchCounts => ({
  linked: 0,
  review: 0,
  new: 0,
  refreshed: 0,
  unchanged: 0,
  skipped: 0,
});

/**
 * Matches the records a department's change feed brings against the golden records as they
 * arrive. It waits for the first full resolution: before that there is no fitted model and no
 * golden record to match against, and the import will stage every record anyway.
 */
@Injectable()
export class InboundMatcher {
  constructor(private readonly incremental: IncrementalResolver) {}

  async accept(system: string, changes: readonly InboundChange[]): Promise<InboundMatchCounts> {
    const counts = noInboundMatches();
    if (!isPersonSystem(system) || changes.length === 0) return counts;
    const model = await this.incremental.model();
    if (!model) {
      counts.skipped = changes.length;
      return counts;
    }
    for (const change of changes) {
      const staged = change.externalId ? await this.incremental.staged(system, change.externalId) : undefined;
      const person = inboundPerson(system, change, staged);
      counts[
        person ? await this.incremental.accept(person, staged, model, `inbound:${system}`) : 'skipped'
      ] += 1;
    }
    return counts;
  }
}
