import type { PoolClient } from 'pg';
import type { CivilStore } from './civil-assistance.storage';
import { changeTypeOf } from './civil-assistance.storage';
import {
  CivilCode,
  CivilError,
  type HouseholdDocument,
  type HouseholdFields,
} from './civil-assistance.types';

const mask = (idCard: string): string => `${idCard.slice(0, 6)}********${idCard.slice(-4)}`;

/** The case-work rules, shared by the hub's pushes and the department's own (simulated) decisions. */
export class HouseholdService {
  constructor(private readonly store: CivilStore) {}

  /** A person may be assisted in one active household only. */
  private async refuseMembersHeldElsewhere(
    fields: HouseholdFields,
    householdNo: string | null,
    db: PoolClient,
  ): Promise<void> {
    if (fields.status !== 'active') return;
    const idCards = fields.members.flatMap((m) => (m.idCard ? [m.idCard] : []));
    const [held] = await this.store.activeHolders(idCards, householdNo, db);
    if (held)
      throw new CivilError(
        409,
        CivilCode.duplicate,
        `身份证号码为${mask(held.idCard)}的成员已在救助家庭${held.householdNo}中享受救助`,
        { householdNo: held.householdNo },
      );
  }

  async create(fields: HouseholdFields): Promise<HouseholdDocument> {
    return this.store.transaction(async (db) => {
      const existing = await this.store.byHead(fields.headIdCard, db);
      // The reply names the existing household, so a caller whose earlier POST timed out can recover it.
      if (existing)
        throw new CivilError(
          409,
          CivilCode.duplicate,
          `该户主已有救助档案${existing.householdNo}，请使用修改接口`,
          { householdNo: existing.householdNo },
        );
      await this.refuseMembersHeldElsewhere(fields, null, db);
      const created = await this.store.insert(fields, db);
      await this.store.recordChange(created.status === 'active' ? 'approved' : 'updated', created, db);
      return created;
    });
  }

  /** Replaces the whole document; records a change only when something differs. */
  async update(householdNo: string, fields: HouseholdFields): Promise<HouseholdDocument> {
    return this.store.transaction(async (db) => {
      const before = await this.store.get(householdNo, db);
      if (!before) throw new CivilError(404, CivilCode.notFound, `救助家庭${householdNo}不存在`);
      const otherHead = await this.store.byHead(fields.headIdCard, db);
      if (otherHead && otherHead.householdNo !== householdNo)
        throw new CivilError(409, CivilCode.duplicate, `该户主已有救助档案${otherHead.householdNo}`, {
          householdNo: otherHead.householdNo,
        });
      await this.refuseMembersHeldElsewhere(fields, householdNo, db);
      const after = await this.store.replace(householdNo, fields, db);
      const changeType = changeTypeOf(before, after);
      if (changeType) await this.store.recordChange(changeType, after, db);
      return after;
    });
  }

  async existing(householdNo: string): Promise<HouseholdDocument> {
    const found = await this.store.get(householdNo);
    if (!found) throw new CivilError(404, CivilCode.notFound, `救助家庭${householdNo}不存在`);
    return found;
  }
}
