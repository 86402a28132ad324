import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { pinyinFull, pinyinInitials } from '@hub/domain';
import type { BenchHousehold, BenchMember } from './households';

const RESIDENT_COLUMNS = [
  'id',
  'id_number',
  'name',
  'name_pinyin',
  'name_initials',
  'gender',
  'ethnicity',
  'birth_date',
  'current_address_id',
  'community_code',
  'phone',
  'marital_status',
  'education',
  'registration_type',
  'life_status',
  'residence_status',
  'field_sources',
];

/** Provenance as the API stores it: the filled fields, set now by the community. */
function fieldSources(fields: string[], at: string): string {
  return JSON.stringify(Object.fromEntries(fields.map((f) => [f, { source: 'community', at }])));
}

function residentValues(
  m: BenchMember,
  id: string,
  addressId: string,
  community: string,
  at: string,
): unknown[] {
  const filled = Object.keys(m).filter((k) => k !== 'relation');
  filled.push('currentAddressId', 'communityCode', 'lifeStatus', 'residenceStatus');
  return [
    id,
    m.idNumber,
    m.name,
    pinyinFull(m.name),
    pinyinInitials(m.name),
    m.gender,
    m.ethnicity,
    m.birthDate,
    addressId,
    community,
    m.phone ?? null,
    m.maritalStatus ?? null,
    m.education ?? null,
    m.registrationType,
    'alive',
    'present',
    fieldSources(filled, at),
  ];
}

const tuples = (rows: number, width: number, offset = 0): string =>
  Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: width }, (_, c) => `$${offset + r * width + c + 1}`).join(', ')})`,
  ).join(', ');

/**
 * The floor the API is compared with: the same rows and columns (1 address, 3 residents,
 * 1 household, 3 memberships), one multi-row INSERT per table, one transaction per household,
 * straight on a pg pool — no HTTP, validation, ORM, versions, audit or outbox.
 */
export async function insertBare(pool: Pool, h: BenchHousehold, community: string): Promise<void> {
  const client = await pool.connect();
  const at = new Date().toISOString();
  try {
    await client.query('BEGIN');
    const {
      rows: [{ id: addressId }],
    } = await client.query<{ id: string }>(
      `INSERT INTO address (community_code, estate, building, unit, room) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [community, h.address.estate, h.address.building, h.address.unit, h.address.room],
    );
    const ids = h.members.map(() => randomUUID());
    await client.query(
      `INSERT INTO resident (${RESIDENT_COLUMNS.join(', ')}) VALUES ${tuples(h.members.length, RESIDENT_COLUMNS.length)}`,
      h.members.flatMap((m, i) => residentValues(m, ids[i], addressId, community, at)),
    );
    const {
      rows: [{ id: householdId }],
    } = await client.query<{ id: string }>(
      `INSERT INTO household (type, community_code, address_id, head_resident_id, field_sources)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        h.type,
        community,
        addressId,
        ids[0],
        fieldSources(['type', 'addressId', 'headResidentId', 'members'], at),
      ],
    );
    const joinedOn = at.slice(0, 10);
    await client.query(
      `INSERT INTO household_member (household_id, resident_id, relation, joined_on) VALUES ${tuples(h.members.length, 4)}`,
      h.members.flatMap((m, i) => [householdId, ids[i], m.relation, joinedOn]),
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
