import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { makeCitizenId, pinyinFull, pinyinInitials } from '@hub/domain';
import { ESTATES } from './households';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜'];
const GIVEN = [...'建国秀英明红伟芳军丽强敏静磊洋艳勇杰娟涛超霞平刚桂兰华玉文志海燕春梅晨宇浩然欣怡'];
const DAY_MS = 86_400_000;
/** Birth dates over 32,000 days from 1936 (ages about 1 to 90): with 1,000 sequences, 32M unique IDs. */
const DAYS = 32_000;
const FIRST_BIRTH_MS = Date.UTC(1936, 0, 1);

export interface Population {
  /** A household of the worker's own community, and its head. */
  household: string;
  resident: string;
  /** The head's name, ID number, phone and address, to search by. */
  name: string;
  idNumber: string;
  phone: string;
  address: string;
}

interface Names {
  name: string[];
  pinyin: string[];
  initials: string[];
}

/** Names from the usual characters, pinyin worked out once per distinct name. */
function namesFor(count: number): Names {
  const cache = new Map<string, [string, string]>();
  const out: Names = { name: [], pinyin: [], initials: [] };
  for (let i = 0; i < count; i++) {
    const given = GIVEN[(i * 7) % GIVEN.length] + (i % 3 === 0 ? '' : GIVEN[(i * 13) % GIVEN.length]);
    const name = SURNAMES[i % SURNAMES.length] + given;
    let spelled = cache.get(name);
    if (!spelled) cache.set(name, (spelled = [pinyinFull(name), pinyinInitials(name)]));
    out.name.push(name);
    out.pinyin.push(spelled[0]);
    out.initials.push(spelled[1]);
  }
  return out;
}

/**
 * `residents` people in households of two (head and spouse), a fifth of them in `home` and the
 * rest across every other community, each delivered to the police system within the last day and
 * a few hundred refused by the militia roster; ages 1 to 90, one in seven floating, one household
 * in 31 on 低保, one person in 49 disabled, one in 23 unemployed, one in 19 living alone
 * (primes, so the worker's fifth of the city gets its share), addresses in the grid cells the database has. What the console's pages read, put
 * straight into the tables (a statement per table): registering through the API would take hours.
 */
export async function insertPopulation(db: DataSource, residents: number, home: string): Promise<Population> {
  const others: Array<{ code: string }> = await db.query(
    `SELECT code FROM community WHERE code <> $1 ORDER BY code`,
    [home],
  );
  const communities = others.map((r) => r.code);
  const gridRows: Array<{ code: string; community_code: string }> = await db.query(
    `SELECT code, community_code FROM grid_cell ORDER BY code`,
  );
  const cells = new Map<string, string[]>();
  for (const { code, community_code } of gridRows)
    cells.set(community_code, [...(cells.get(community_code) ?? []), code]);
  const households = Math.floor(residents / 2);
  const h = {
    id: [] as string[],
    address: [] as string[],
    community: [] as string[],
    estate: [] as string[],
    building: [] as string[],
    grid: [] as Array<string | null>,
  };
  for (let i = 0; i < households; i++) {
    h.id.push(randomUUID());
    h.address.push(randomUUID());
    h.community.push(i % 5 === 0 ? home : communities[i % communities.length]);
    h.estate.push(ESTATES[i % ESTATES.length]);
    h.building.push(String(i));
    const inCommunity = cells.get(h.community[i]) ?? [];
    h.grid.push(inCommunity.length > 0 ? inCommunity[i % inCommunity.length] : null);
  }
  const names = namesFor(households * 2);
  const r = { id: [] as string[], idNumber: [] as string[], gender: [] as string[], birth: [] as string[] };
  for (let i = 0; i < households * 2; i++) {
    const birth = new Date(FIRST_BIRTH_MS + (i % DAYS) * DAY_MS).toISOString().slice(0, 10);
    const sequence = Math.floor(i / DAYS);
    r.id.push(randomUUID());
    r.idNumber.push(makeCitizenId('320402', birth, sequence));
    r.gender.push(sequence % 2 === 1 ? '1' : '2');
    r.birth.push(birth);
  }
  const perResident = <T>(list: T[]) => list.flatMap((v) => [v, v]);

  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO address (id, community_code, estate, building, unit, room, grid_code)
       SELECT * FROM unnest($1::uuid[], $2::char(12)[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::char(15)[])`,
      [h.address, h.community, h.estate, h.building, h.id.map(() => '1'), h.id.map(() => '101'), h.grid],
    );
    await tx.query(
      `INSERT INTO resident (id, id_number, name, name_pinyin, name_initials, gender, ethnicity, birth_date,
                             current_address_id, community_code, registration_type, phone,
                             employment_status, disability_type, disability_grade, living_status)
       SELECT id, idn, name, py, ini, g, '01', b, a, c,
              (CASE WHEN n % 7 = 0 THEN 'floating' ELSE 'registered' END)::registration_type,
              '1390000' || lpad((n % 10000)::text, 4, '0'),
              CASE WHEN n % 23 = 0 THEN '2' ELSE '1' END,
              CASE WHEN n % 49 = 0 THEN '4' END, CASE WHEN n % 49 = 0 THEN '2' END,
              (CASE WHEN n % 19 = 0 THEN 'alone' END)::living_status
         FROM unnest($1::uuid[], $2::char(18)[], $3::text[], $4::text[], $5::text[], $6::char(1)[], $7::date[],
                     $8::uuid[], $9::char(12)[]) WITH ORDINALITY AS t(id, idn, name, py, ini, g, b, a, c, n)`,
      [
        r.id,
        r.idNumber,
        names.name,
        names.pinyin,
        names.initials,
        r.gender,
        r.birth,
        perResident(h.address),
        perResident(h.community),
      ],
    );
    const heads = r.id.filter((_, i) => i % 2 === 0);
    await tx.query(
      `INSERT INTO household (id, type, community_code, address_id, head_resident_id,
                              assistance_type, assistance_amount, assistance_approved_on)
       SELECT id, t, c, a, head, (CASE WHEN n % 31 = 0 THEN 'dibao' END)::assistance_type,
              CASE WHEN n % 31 = 0 THEN 980 END, CASE WHEN n % 31 = 0 THEN date '2025-06-01' END
         FROM unnest($1::uuid[], $2::household_type[], $3::char(12)[], $4::uuid[], $5::uuid[])
              WITH ORDINALITY AS u(id, t, c, a, head, n)`,
      [h.id, h.id.map(() => 'family'), h.community, h.address, heads],
    );
    await tx.query(
      `INSERT INTO household_member (household_id, resident_id, relation, joined_on)
       SELECT hh, rr, CASE WHEN n % 2 = 1 THEN '02' ELSE '10' END, current_date
         FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS t(hh, rr, n)`,
      [perResident(h.id), r.id],
    );
    await tx.query(
      `INSERT INTO delivery (system, subject_type, subject_id, version, status, attempts, created_at, updated_at)
       SELECT 'police-population', 'resident', id, 1, 'confirmed', 1, at, at + interval '1 second'
         FROM (SELECT id, now() - random() * interval '1 day' AS at FROM unnest($1::uuid[]) AS id) t`,
      [r.id],
    );
    await tx.query(
      `INSERT INTO delivery (system, subject_type, subject_id, version, status, attempts, error_kind, last_error)
       SELECT 'militia-conscription', 'resident', id, 1, 'failed', 1, 'refused', '政治面貌""不在可选范围内'
         FROM unnest($1::uuid[]) AS id`,
      [r.id.slice(0, 300)],
    );
  });
  for (const table of ['address', 'resident', 'household', 'household_member', 'delivery']) {
    await db.query(`ANALYZE ${table}`);
  }
  // The first household is the worker's (index 0 goes to `home`).
  return {
    household: h.id[0],
    resident: r.id[0],
    name: names.name[0],
    idNumber: r.idNumber[0],
    phone: '13900000001',
    address: `${h.estate[0]}${h.building[0]}幢`,
  };
}
