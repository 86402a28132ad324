import type { AddressSnapshot, HouseholdLink, ResidentSnapshot } from '@hub/domain';
import { fromRow, RESIDENT_COLUMNS } from './resident-columns';
import { addressText } from './resident-view';

type Row = Record<string, unknown>;

/** An address (`a`) with its community, street and district names, as `a_*` columns. */
export const ADDRESS_COLUMNS = `
  a.community_code AS a_community_code, c.name AS a_community_name, s.name AS a_street_name,
  d.code AS a_district_code, d.name AS a_district_name, a.grid_code AS a_grid_code,
  a.estate AS a_estate, a.building AS a_building, a.unit AS a_unit, a.room AS a_room`;

export const ADDRESS_JOINS = `
  LEFT JOIN community c ON c.code = a.community_code
  LEFT JOIN street s ON s.code = c.street_code
  LEFT JOIN district d ON d.code = s.district_code`;

/** A resident's own columns a snapshot needs (not the wide per-field provenance). */
const RESIDENT_SELECT = ['id', 'version', ...Object.values(RESIDENT_COLUMNS)].map((c) => `r.${c}`).join(', ');

/** The current membership (`m`) and household (`h`) columns of a snapshot. */
const HOUSEHOLD_SELECT = `m.household_id, m.relation, h.household_no, h.head_resident_id,
  h.assistance_type AS h_assistance_type`;

const HEAD = `('01','02')`;
const SPOUSE = `('10','11','12')`;

/**
 * Residents by id, one at a time or a few: spouse and children are looked up per resident
 * (index probes), the cheapest way for the handful a delivery reads. The spouse is the lowest ID
 * number among them, as in the set form below.
 */
export const RESIDENTS_BY_ID = `
  SELECT ${RESIDENT_SELECT}, ${HOUSEHOLD_SELECT}, ${ADDRESS_COLUMNS},
         (SELECT sp.id_number FROM household_member sm JOIN resident sp ON sp.id = sm.resident_id
           WHERE sm.household_id = m.household_id AND sm.left_on IS NULL AND sm.resident_id <> r.id
             AND ((m.relation IN ${HEAD} AND sm.relation IN ${SPOUSE})
               OR (m.relation IN ${SPOUSE} AND sm.relation IN ${HEAD}))
           ORDER BY sp.id_number LIMIT 1) AS spouse_id_number,
         (SELECT count(*)::int FROM household_member cm
           WHERE cm.household_id = m.household_id AND cm.left_on IS NULL AND cm.relation BETWEEN '20' AND '39'
             AND m.relation IN ('01','02','10','11','12')) AS children_count
    FROM resident r
    LEFT JOIN household_member m ON m.resident_id = r.id AND m.left_on IS NULL
    LEFT JOIN household h ON h.id = m.household_id
    LEFT JOIN address a ON a.id = r.current_address_id ${ADDRESS_JOINS}
   WHERE r.id = ANY($1::uuid[])`;

/**
 * The same snapshots for a large set of residents (`ids` is a query of their ids, `extra` more
 * columns and `joins` more joins): spouse and children come from one pass over the members
 * grouped by household, so the city is read in hash joins rather than millions of probes.
 */
export function residentsInSet(ids: string, extra = '', joins = ''): string {
  return `
  WITH families AS (
    SELECT fm.household_id,
           min(fr.id_number) FILTER (WHERE fm.relation IN ${HEAD}) AS head_id_number,
           min(fr.id_number) FILTER (WHERE fm.relation IN ${SPOUSE}) AS spouse_id_number,
           (count(*) FILTER (WHERE fm.relation BETWEEN '20' AND '39'))::int AS children
      FROM household_member fm JOIN resident fr ON fr.id = fm.resident_id
     WHERE fm.left_on IS NULL
     GROUP BY fm.household_id)
  SELECT ${RESIDENT_SELECT}, ${HOUSEHOLD_SELECT}, ${ADDRESS_COLUMNS},
         CASE WHEN m.relation IN ${HEAD} THEN f.spouse_id_number
              WHEN m.relation IN ${SPOUSE} THEN f.head_id_number END AS spouse_id_number,
         CASE WHEN m.relation IN ('01','02','10','11','12') THEN f.children ELSE 0 END AS children_count
         ${extra}
    FROM resident r
    LEFT JOIN household_member m ON m.resident_id = r.id AND m.left_on IS NULL
    LEFT JOIN household h ON h.id = m.household_id
    LEFT JOIN families f ON f.household_id = m.household_id
    LEFT JOIN address a ON a.id = r.current_address_id ${ADDRESS_JOINS}
    ${joins}
   WHERE r.id IN (${ids})`;
}

export function addressSnapshot(row: Row): AddressSnapshot | null {
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

/** A row of either query above as the connectors see the resident. */
export function residentSnapshot(row: Row): ResidentSnapshot {
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
    currentAddress: addressSnapshot(row),
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
