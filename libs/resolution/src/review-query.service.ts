import { Injectable } from '@nestjs/common';
import { maskCitizenId, maskName, maskPhone } from '@hub/domain';
import { RecordError, seesPersonalData, type Actor } from '@hub/record';
import { DataSource } from 'typeorm';
import { GoldenMembershipRepository } from './golden-membership.repository';
import { GoldenPersonRepository } from './golden-person.repository';
import { MatchReviewRepository, type ReviewItem } from './match-review.repository';

export type { ReviewItem, ReviewSide } from './match-review.repository';

/** Reading the review queue and golden records, scoped to the actor's community. */
@Injectable()
export class ReviewQueryService {
  private readonly reviews: MatchReviewRepository;
  private readonly goldenRecords: GoldenPersonRepository;
  private readonly membership: GoldenMembershipRepository;

  constructor(db: DataSource) {
    this.reviews = new MatchReviewRepository(db);
    this.goldenRecords = new GoldenPersonRepository(db);
    this.membership = new GoldenMembershipRepository(db);
  }

  async pending(
    actor: Actor,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; items: ReviewItem[] }> {
    if (!seesPersonalData(actor)) throw new RecordError('forbidden', '您的角色不能查看重复人员审核');
    return this.reviews.pendingPage(actor, page);
  }

  /** A golden record with its source records and history; masked for roles without personal data. */
  async golden(id: string, actor: Actor) {
    const g = await this.goldenRecords.findInScope(id, actor);
    if (!g) throw RecordError.notFound('人员');
    const sources = await this.membership.sourcesOf(id);
    const history = await this.goldenRecords.history(id);
    const open = seesPersonalData(actor);
    const { idNumber, name, phone } = g;
    return {
      id: g.id,
      status: g.status,
      idNumber: idNumber && !open ? maskCitizenId(idNumber) : idNumber,
      name: name && !open ? maskName(name) : name,
      gender: g.gender,
      birthDate: open ? g.birthDate : null,
      phone: phone && !open ? maskPhone(phone) : phone,
      address: open ? g.address : null,
      attributes: open ? g.attributes : {},
      communityCode: g.communityCode,
      sources: sources.map((s) => ({ system: s.system, recordId: open ? s.recordId : '***' })),
      history,
    };
  }
}
