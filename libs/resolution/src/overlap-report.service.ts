import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GoldenMembershipRepository } from './golden-membership.repository';
import { MatchReviewRepository, type ReviewStatus } from './match-review.repository';

export interface OverlapReport {
  goldenRecords: number;
  sourceRecords: number;
  /** How many persons are held in 1, 2, … systems. */
  personsBySystemCount: Record<string, number>;
  /** Per system: records held, and how many of its persons also appear elsewhere. */
  systems: Array<{ system: string; records: number; sharedWithOthers: number }>;
  /** Entries a year the enter-once flow saves, with the assumption it rests on. */
  entriesSavedPerYear: number;
  changesPerPersonPerYear: number;
  autoLinkShare: number;
  reviewBacklog: number;
  decided: { merged: number; keptApart: number };
}

/**
 * The burden the twelve systems put on community offices, measured on the resolved data: a person
 * held in k systems costs k entries per change today and one with the hub, so each change saves k − 1.
 */
@Injectable()
export class OverlapReportService {
  private readonly membership: GoldenMembershipRepository;
  private readonly reviews: MatchReviewRepository;

  constructor(db: DataSource) {
    this.membership = new GoldenMembershipRepository(db);
    this.reviews = new MatchReviewRepository(db);
  }

  async report(changesPerPersonPerYear = 2): Promise<OverlapReport> {
    const spread = await this.membership.spread();
    const perSystem = await this.membership.shares();
    const totals = await this.membership.totals();
    const reviews = await this.reviews.countByStatus();
    const count = (status: ReviewStatus) => reviews.get(status) ?? 0;
    const extraEntries = spread.reduce((sum, s) => sum + (s.systems - 1) * s.persons, 0);
    return {
      goldenRecords: totals.activeGolden,
      sourceRecords: totals.sources,
      personsBySystemCount: Object.fromEntries(spread.map((s) => [String(s.systems), s.persons])),
      systems: perSystem.map((s) => ({ system: s.system, records: s.records, sharedWithOthers: s.shared })),
      entriesSavedPerYear: Math.round(extraEntries * changesPerPersonPerYear),
      changesPerPersonPerYear,
      autoLinkShare: totals.sources ? totals.linked / totals.sources : 0,
      reviewBacklog: count('pending'),
      decided: { merged: count('merged'), keptApart: count('kept_apart') },
    };
  }
}
