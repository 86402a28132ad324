import type { AddressSnapshot, HouseholdSnapshot, ResidentSnapshot } from '@hub/domain';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ADDRESS_COLUMNS,
  ADDRESS_JOINS,
  addressSnapshot,
  RESIDENTS_BY_ID,
  residentSnapshot,
} from './resident-snapshot.sql';

type Db = DataSource | EntityManager;
type Row = Record<string, unknown>;

/** Subjects as connectors see them, read whole (the statements are shared in resident-snapshot.sql). */
export class SnapshotRepository {
  constructor(private readonly db: Db) {}

  /** Residents by id, in one statement. */
  async residents(ids: readonly string[]): Promise<ResidentSnapshot[]> {
    const rows: Row[] = await this.db.query(RESIDENTS_BY_ID, [ids]);
    return rows.map(residentSnapshot);
  }

  /** Households by id with their current members (head first), in two statements. */
  async households(ids: readonly string[]): Promise<HouseholdSnapshot[]> {
    const rows: Row[] = await this.db.query(
      `SELECT h.*, ${ADDRESS_COLUMNS}
         FROM household h JOIN address a ON a.id = h.address_id ${ADDRESS_JOINS}
        WHERE h.id = ANY($1::uuid[])`,
      [ids],
    );
    if (rows.length === 0) return [];
    const members: Row[] = await this.db.query(
      `SELECT m.household_id, m.resident_id, m.relation, r.name, r.id_number, r.gender, r.birth_date
         FROM household_member m JOIN resident r ON r.id = m.resident_id
        WHERE m.household_id = ANY($1::uuid[]) AND m.left_on IS NULL
        ORDER BY m.household_id, (m.relation IN ('01','02')) DESC, m.id`,
      [rows.map((h) => h.id)],
    );
    const byHousehold = new Map<string, Row[]>();
    for (const m of members) {
      const key = String(m.household_id);
      byHousehold.set(key, [...(byHousehold.get(key) ?? []), m]);
    }
    return rows.map((h) => householdSnapshot(h, byHousehold.get(String(h.id)) ?? []));
  }
}

function householdSnapshot(h: Row, members: readonly Row[]): HouseholdSnapshot {
  return {
    type: 'household',
    id: String(h.id),
    version: Number(h.version),
    householdNo: h.household_no ? String(h.household_no) : null,
    householdType: h.type as HouseholdSnapshot['householdType'],
    status: h.status as HouseholdSnapshot['status'],
    communityCode: String(h.community_code),
    address: addressSnapshot(h) as AddressSnapshot,
    headResidentId: h.head_resident_id ? String(h.head_resident_id) : null,
    assistance: h.assistance_type
      ? {
          type: h.assistance_type as 'dibao',
          amount: String(h.assistance_amount),
          approvedOn: String(h.assistance_approved_on),
        }
      : null,
    members: members.map((m) => ({
      residentId: String(m.resident_id),
      relation: String(m.relation),
      name: String(m.name),
      idNumber: m.id_number ? String(m.id_number) : null,
      gender: String(m.gender),
      birthDate: String(m.birth_date),
    })),
  };
}
