import type { DisabilityStore } from './disability.storage';
import { asRecord } from './disability.storage';
import {
  CARD_NO,
  cardNoOf,
  DisabilityError,
  type ChangeType,
  type PersonFields,
  type PersonRecord,
} from './disability.types';

export interface PutOutcome {
  person: PersonRecord;
  /** A new certificate was issued (first one, or a re-grade). */
  created: boolean;
  /** On a re-grade: the certificate this one replaced, now revoked. */
  revokedCardNo?: string;
}

const refuse = (message: string): DisabilityError => new DisabilityError(422, message);

/** The certificate rules, shared by the hub's pushes and the federation's own (simulated) decisions. */
export class CardService {
  constructor(private readonly store: DisabilityStore) {}

  /**
   * Upsert by `cardNo`. A `cardNo` not yet held for a person who has a valid certificate is a
   * re-grade: the old certificate is revoked and the new one issued, in one transaction.
   */
  async put(cardNo: string, fields: PersonFields): Promise<PutOutcome> {
    if (!CARD_NO.test(cardNo)) throw refuse('残疾人证号格式错误(18位身份证号码+残疾类别+残疾等级)');
    if (cardNo !== cardNoOf(fields)) throw refuse('残疾人证号与身份证号码、残疾类别、残疾等级不一致');
    const after = asRecord({ cardNo, ...fields });
    return this.store.transaction(async (db) => {
      const existing = await this.store.get(cardNo, db);
      if (existing) {
        if (JSON.stringify(existing) === JSON.stringify(after)) return { person: existing, created: false };
        if (existing.status === 'revoked') throw refuse('该残疾人证已注销，不能修改');
        if (existing.status === 'deceased' && after.status === 'valid')
          throw refuse('该持证人已死亡注销，不能恢复');
        const saved = await this.store.save(cardNo, fields, db);
        const changeType: ChangeType =
          after.status === existing.status ? 'updated' : after.status === 'revoked' ? 'revoked' : 'deceased';
        await this.store.recordChange(changeType, saved, null, db);
        return { person: saved, created: false };
      }
      if (fields.status !== 'valid') throw new DisabilityError(404, `残疾人证${cardNo}不存在`);
      const current = await this.store.currentCard(fields.idNumber, db);
      if (current?.status === 'deceased') throw refuse('该人员已死亡注销，不能办理新证');
      if (current) {
        const revoked = await this.store.save(current.cardNo, { ...current, status: 'revoked' }, db);
        await this.store.recordChange('revoked', revoked, null, db);
      }
      const issued = await this.store.save(cardNo, fields, db);
      await this.store.recordChange(current ? 'regraded' : 'issued', issued, current?.cardNo ?? null, db);
      return { person: issued, created: true, revokedCardNo: current?.cardNo };
    });
  }

  async existing(cardNo: string): Promise<PersonRecord> {
    const found = await this.store.get(cardNo);
    if (!found) throw new DisabilityError(404, `残疾人证${cardNo}不存在`);
    return found;
  }
}
