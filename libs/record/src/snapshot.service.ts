import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AddressSnapshot, HouseholdLink, HouseholdSnapshot, ResidentSnapshot } from '@hub/domain';
import { fromRow, RESIDENT_COLUMNS } from './resident-columns';
import { addressText } from './resident-view';

type Row = Record<string, unknown>;

const ADDRESS_COLUMNS = `
  a.community_code AS a_community_code, c.name AS a_community_name, s.name AS a_street_name,
  d.code AS a_district_code, d.name AS a_district_name, a.grid_code AS a_grid_code,
  a.estate AS a_estate, a.building AS a_building, a.unit AS a_unit, a.room AS a_room`;

const ADDRESS_JOINS = `
  LEFT JOIN community c ON c.code = a.community_code
  LEFT JOIN street s ON s.code = c.street_code
  LEFT JOIN district d ON d.code = s.district_code`;

function address(row: Row): AddressSnapshot | null {
  if (!row.a_estate) return null;
  const text = addressText(row, 'a_') ?? '';
  return {
    communityCode: String(row.a_community_code),
    communityName: String(row.a_community_name),
    streetName: String(row.a_street_name),
    districtCode: String(row.a_district_code),
    districtName: String(row.a_district_name),
    gridCode: row.a_grid_code ? String(row.a_grid_code) : null,
    estate: String(row.a_estate),
    building: String(row.a_building),
    unit: String(row.a_unit ?? ''),
    room: String(row.a_room),
    text,
    fullText: `常州市${String(row.a_district_name)}${String(row.a_street_name)}${text}`,
  };
}

/** A resident row (with its household, address and spouse columns) as the connectors see it. */
function residentSnapshot(row: Row): ResidentSnapshot {
  const f = fromRow(RESIDENT_COLUMNS, row);
  return {
    type: 'resident',
    id: String(row.id),
    version: Number(row.version),
    idNumber: f.idNumber,
    name: f.name ?? '',
    gender: f.gender ?? '0',
    ethnicity: f.ethnicity ?? '',
    birthDate: f.birthDate ?? '',
    registeredAddress: f.registeredAddress,
    currentAddress: address(row),
    communityCode: f.communityCode ?? '',
    phone: f.phone,
    maritalStatus: f.maritalStatus,
    education: f.education,
    politicalStatus: f.politicalStatus,
    registrationType: f.registrationType as ResidentSnapshot['registrationType'],
    lifeStatus: f.lifeStatus as ResidentSnapshot['lifeStatus'],
    deathDate: f.deathDate,
    residenceStatus: f.residenceStatus as ResidentSnapshot['residenceStatus'],
    movedOutOn: f.movedOutOn,
    disability: f.disabilityType
      ? { type: f.disabilityType, grade: f.disabilityGrade ?? '', certificateNo: f.disabilityCertificateNo }
      : null,
    livingStatus: f.livingStatus,
    employmentStatus: f.employmentStatus,
    pensionStatus: f.pensionStatus,
    corrections: f.correctionsType
      ? { type: f.correctionsType, start: f.correctionsStart ?? '', end: f.correctionsEnd ?? '' }
      : null,
    household: row.household_id
      ? {
          householdId: String(row.household_id),
          householdNo: row.household_no ? String(row.household_no) : null,
          relation: String(row.relation),
          headResidentId: row.head_resident_id ? String(row.head_resident_id) : null,
          assistanceType: (row.h_assistance_type as HouseholdLink['assistanceType']) ?? null,
        }
      : null,
    spouseIdNumber: row.spouse_id_number ? String(row.spouse_id_number) : null,
    childrenCount: Number(row.children_count ?? 0),
  };
}

/**
 * The current state of a subject, whole, for connectors (not scoped to a user: only the worker
 * calls it, and each connector then keeps only its own fields).
 */
@Injectable()
export class SnapshotService {
  constructor(private readonly db: DataSource) {}

  async resident(id: string): Promise<ResidentSnapshot | undefined> {
    return (await this.residents([id]))[0];
  }

  /** Several residents in one statement (the go-live check reads the city in chunks). */
  async residents(ids: readonly string[]): Promise<ResidentSnapshot[]> {
    const rows: Row[] = await this.db.query(
      `SELECT r.*, m.household_id, m.relation, h.household_no, h.head_resident_id, h.assistance_type AS h_assistance_type,
              ${ADDRESS_COLUMNS},
              (SELECT sp.id_number FROM household_member sm JOIN resident sp ON sp.id = sm.resident_id
                WHERE sm.household_id = m.household_id AND sm.left_on IS NULL AND sm.resident_id <> r.id
                  AND ((m.relation IN ('01','02') AND sm.relation IN ('10','11','12'))
                    OR (m.relation IN ('10','11','12') AND sm.relation IN ('01','02')))
                LIMIT 1) AS spouse_id_number,
              (SELECT count(*)::int FROM household_member cm
                WHERE cm.household_id = m.household_id AND cm.left_on IS NULL AND cm.relation BETWEEN '20' AND '39'
                  AND m.relation IN ('01','02','10','11','12')) AS children_count
         FROM resident r
         LEFT JOIN household_member m ON m.resident_id = r.id AND m.left_on IS NULL
         LEFT JOIN household h ON h.id = m.household_id
         LEFT JOIN address a ON a.id = r.current_address_id ${ADDRESS_JOINS}
        WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(residentSnapshot);
  }

  async household(id: string): Promise<HouseholdSnapshot | undefined> {
    return (await this.households([id]))[0];
  }

  /** Several households in two statements (reconciliation reads the city in batches). */
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
    address: address(h) as AddressSnapshot,
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
