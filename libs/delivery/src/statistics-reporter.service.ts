import { Inject, Injectable } from '@nestjs/common';
import { communityReport, type StatisticsConnector, type SubmitReply } from '@hub/connectors/statistics';
import type { HouseholdSnapshot, ResidentSnapshot } from '@hub/domain';
import { SnapshotService } from '@hub/record';
import { DataSource } from 'typeorm';
import { CONNECTORS, type ConnectorRegistry } from './connector-registry';
import { RecordSubjectsRepository } from './record-subjects.repository';

export interface SubmittedReport {
  communityCode: string;
  period: string;
  population: number;
  reply: SubmitReply;
}

/**
 * 社区基本情况统计表: each community's monthly figures, computed from the unified record (residents
 * with their dates, so a past month comes out the same whenever it is recomputed) and submitted
 * to the statistics platform. Run by a monthly schedule and on demand.
 */
@Injectable()
export class StatisticsReporter {
  private readonly record: RecordSubjectsRepository;

  constructor(
    @Inject(CONNECTORS) private readonly connectors: ConnectorRegistry,
    private readonly snapshots: SnapshotService,
    db: DataSource,
  ) {
    this.record = new RecordSubjectsRepository(db);
  }

  /** The previous month, `yyyy-MM` (Beijing time): what a report run on the 1st–5th covers. */
  static previousPeriod(now = new Date()): string {
    const beijing = new Date(now.getTime() + 8 * 3600_000);
    const month = beijing.getUTCMonth();
    const year = month === 0 ? beijing.getUTCFullYear() - 1 : beijing.getUTCFullYear();
    return `${year}-${String(month === 0 ? 12 : month).padStart(2, '0')}`;
  }

  async submit(period: string, communityCodes?: string[]): Promise<SubmittedReport[]> {
    const connector = this.connectors.get('statistics') as StatisticsConnector | undefined;
    if (!connector) throw new Error('the statistics connector is not enabled');
    const communities = communityCodes ?? (await this.record.communityCodes());
    const submitted: SubmittedReport[] = [];
    for (const communityCode of communities) {
      const { residents, households } = await this.communityState(communityCode);
      const figures = communityReport(residents, households, period);
      const reply = await connector.submitReport({ ...figures, communityCode });
      submitted.push({ communityCode, period, population: figures.population, reply });
    }
    return submitted;
  }

  private async communityState(
    communityCode: string,
  ): Promise<{ residents: ResidentSnapshot[]; households: HouseholdSnapshot[] }> {
    const residentIds = await this.record.residentIdsIn(communityCode);
    const householdIds = await this.record.householdIdsIn(communityCode);
    const residents = (await Promise.all(residentIds.map((id) => this.snapshots.resident(id)))).filter(
      (r): r is ResidentSnapshot => r !== undefined,
    );
    const households = (await Promise.all(householdIds.map((id) => this.snapshots.household(id)))).filter(
      (h): h is HouseholdSnapshot => h !== undefined,
    );
    return { residents, households };
  }
}
