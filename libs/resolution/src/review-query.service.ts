import { Injectable } from '@nestjs/common';
import { maskCitizenId, maskName, maskPhone } from '@hub/domain';
import { RecordError, scopeCondition, seesPersonalData, type Actor } from '@hub/record';
import { DataSource } from 'typeorm';
import type { FieldEvidence } from './evidence';

export interface ReviewSide {
  recordId: string;
  system: string;
  goldenId: string | null;
  name: string | null;
  idNumber: string | null;
  gender: string | null;
  birthDate: string | null;
  phone: string | null;
  address: string | null;
}

export interface ReviewItem {
  id: string;
  score: number;
  status: string;
  communityCode: string | null;
  a: ReviewSide;
  b: ReviewSide;
  evidence: FieldEvidence[];
}

const side = (row: Record<string, unknown>, p: 'a' | 'b'): ReviewSide => ({
  recordId: String(row[`${p}_record_id`]),
  system: String(row[`${p}_system`]),
  goldenId: (row[`${p}_golden`] as string | null) ?? null,
  name: (row[`${p}_name`] as string | null) ?? null,
  idNumber: (row[`${p}_id_number`] as string | null) ?? (row[`${p}_id_number_raw`] as string | null) ?? null,
  gender: (row[`${p}_gender`] as string | null) ?? null,
  birthDate: (row[`${p}_birth_date`] as string | null) ?? null,
  phone: (row[`${p}_phone`] as string | null) ?? null,
  address: ((row[`${p}_address`] as { text?: string } | null) ?? null)?.text ?? null,
});

const SIDE_COLUMNS = (p: 'a' | 'b') =>
  ['record_id', 'system', 'name', 'id_number', 'id_number_raw', 'gender', 'birth_date', 'phone', 'address']
    .map((c) => `${p}.${c} AS ${p}_${c}`)
    .concat(`${p}.golden_id AS ${p}_golden`)
    .join(', ');

/** Reading the review queue and golden records, scoped to the actor's community. */
@Injectable()
export class ReviewQueryService {
  constructor(private readonly db: DataSource) {}

  async pending(
    actor: Actor,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; items: ReviewItem[] }> {
    if (!seesPersonalData(actor)) throw new RecordError('forbidden', '您的角色不能查看重复人员审核');
    const params: unknown[] = [];
    const scope = scopeCondition(actor, 'r.community_code', params);
    const [{ total }]: Array<{ total: number }> = await this.db.query(
      `SELECT count(*)::int AS total FROM match_review r WHERE r.status = 'pending' AND ${scope}`,
      params,
    );
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT r.id, r.score, r.status, r.community_code, r.evidence, ${SIDE_COLUMNS('a')}, ${SIDE_COLUMNS('b')}
         FROM match_review r JOIN source_record a ON a.id = r.a_record JOIN source_record b ON b.id = r.b_record
        WHERE r.status = 'pending' AND ${scope}
        ORDER BY r.score DESC, r.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return {
      total,
      items: rows.map((row) => ({
        id: String(row.id),
        score: Number(row.score),
        status: String(row.status),
        communityCode: (row.community_code as string | null) ?? null,
        a: side(row, 'a'),
        b: side(row, 'b'),
        evidence: row.evidence as FieldEvidence[],
      })),
    };
  }

  /** A golden record with its source records and history; masked for roles without personal data. */
  async golden(id: string, actor: Actor) {
    const params: unknown[] = [id];
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id, id_number, name, gender, birth_date, phone, address, attributes, community_code, status
         FROM golden_person WHERE id = $1 AND ${scopeCondition(actor, 'community_code', params)}`,
      params,
    );
    const g = rows[0];
    if (!g) throw RecordError.notFound('人员');
    const sources: Array<{ system: string; record_id: string }> = await this.db.query(
      `SELECT system, record_id FROM source_record WHERE golden_id = $1 ORDER BY system, record_id`,
      [id],
    );
    const history: Array<Record<string, unknown>> = await this.db.query(
      `SELECT h.action, h.detail, h.actor, u.display_name AS "actorName", h.at
         FROM golden_history h LEFT JOIN app_user u ON u.id::text = h.actor
        WHERE h.golden_id = $1 ORDER BY h.id`,
      [id],
    );
    const open = seesPersonalData(actor);
    const idNumber = g.id_number as string | null;
    const name = g.name as string | null;
    const phone = g.phone as string | null;
    return {
      id: String(g.id),
      status: String(g.status),
      idNumber: idNumber && !open ? maskCitizenId(idNumber) : idNumber,
      name: name && !open ? maskName(name) : name,
      gender: g.gender,
      birthDate: open ? g.birth_date : null,
      phone: phone && !open ? maskPhone(phone) : phone,
      address: open ? g.address : null,
      attributes: open ? g.attributes : {},
      communityCode: g.community_code,
      sources: sources.map((s) => ({ system: s.system, recordId: open ? s.record_id : '***' })),
      history,
    };
  }
}
