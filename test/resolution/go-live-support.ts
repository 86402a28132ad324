import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { INestApplicationContext } from '@nestjs/common';
import { gridCellsFor } from '@hub/database/seed';
import { GRIDS_PER_COMMUNITY } from '@hub/generator';
import { ResolverService } from '@hub/resolution';
import { ImportService, PromotionService } from '@hub/resolution/departments';
import type { DataSource } from 'typeorm';

/** The staged records with the resident each was promoted into (null: not promoted). */
export const RECORDS = `(SELECT s.*, sr.resident_id FROM source_record s
  LEFT JOIN source_record_resident sr ON sr.source_record_id = s.id)`;

interface TruePerson {
  key: string;
  status: string;
  household: number;
}

async function* jsonLines<T>(file: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as T;
}

/**
 * How many of the generator's households the hub rebuilt exactly: the true household's living
 * members that were promoted are the members of one hub household, and nobody else is.
 */
export async function householdAgreement(
  db: DataSource,
  cityDir: string,
): Promise<{ households: number; matched: number; share: number }> {
  const personOfRecord = new Map<string, string>();
  for await (const t of jsonLines<{ system: string; recordId: string; person: string }>(
    join(cityDir, 'truth.jsonl'),
  ))
    personOfRecord.set(`${t.system}/${t.recordId}`, t.person);
  const householdOfPerson = new Map<string, number>();
  for await (const p of jsonLines<TruePerson>(join(cityDir, 'people.jsonl')))
    if (p.status === 'alive') householdOfPerson.set(p.key, p.household);

  const residentOfPerson = new Map<string, string>();
  const rows: Array<{ key: string; resident_id: string }> = await db.query(
    `SELECT system || '/' || record_id AS key, resident_id FROM ${RECORDS} s WHERE resident_id IS NOT NULL`,
  );
  for (const r of rows) {
    const person = personOfRecord.get(r.key);
    if (person && householdOfPerson.has(person)) residentOfPerson.set(person, r.resident_id);
  }
  const hubHouseholdOf = new Map<string, string>();
  const memberCount = new Map<string, number>();
  const members: Array<{ resident_id: string; household_id: string }> = await db.query(
    `SELECT m.resident_id, m.household_id FROM household_member m
       JOIN resident r ON r.id = m.resident_id
      WHERE m.left_on IS NULL AND r.life_status = 'alive' AND r.residence_status = 'present'`,
  );
  for (const m of members) {
    hubHouseholdOf.set(m.resident_id, m.household_id);
    memberCount.set(m.household_id, (memberCount.get(m.household_id) ?? 0) + 1);
  }
  const truth = new Map<number, string[]>();
  for (const [person, resident] of residentOfPerson) {
    const serial = householdOfPerson.get(person) as number;
    truth.set(serial, [...(truth.get(serial) ?? []), resident]);
  }
  let matched = 0;
  for (const residents of truth.values()) {
    const homes = new Set(residents.map((r) => hubHouseholdOf.get(r)));
    const [home] = [...homes];
    if (homes.size === 1 && home && memberCount.get(home) === new Set(residents).size) matched += 1;
  }
  return { households: truth.size, matched, share: matched / truth.size };
}

/** Every grid cell of the generated communities, as a real hub's map has them (the test template holds three). */
export async function addGridCells(db: DataSource, communities: readonly string[]): Promise<void> {
  const cells = communities.flatMap((community) => gridCellsFor(community, GRIDS_PER_COMMUNITY));
  await db.query(
    `INSERT INTO grid_cell (code, community_code, name)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
    [cells.map((c) => c.code), cells.map((c) => c.communityCode), cells.map((c) => c.name)],
  );
}

/** Go-live as `import-all` does it: import, follow the feeds from after it, resolve, promote. */
export async function goLive(context: INestApplicationContext) {
  const started = new Date();
  await context.get(ImportService).importAll();
  await context.get(ImportService).followFeedsFromNow(undefined, started);
  await context.get(ResolverService).resolve();
  return context.get(PromotionService).promote();
}
