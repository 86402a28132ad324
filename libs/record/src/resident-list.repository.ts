import { normaliseCitizenId, pinyinFull } from '@hub/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** The lists a community keeps asking for, as filters a worker can combine. */
export const RESIDENT_LIST_TAGS = [
  'assistance',
  'disability',
  'unemployed',
  'living-alone',
  'corrections',
] as const;
export type ResidentListTag = (typeof RESIDENT_LIST_TAGS)[number];

export const RESIDENT_SORTS = ['name', 'age-desc', 'age-asc'] as const;
export type ResidentSort = (typeof RESIDENT_SORTS)[number];

export interface ResidentListFilter {
  /** Name, pinyin, the first or last digits of an ID number, a phone number or an address. */
  q?: string;
  includeInactive: boolean;
  /** Age in whole years on today's date in China Standard Time, both bounds included. */
  ageMin?: number;
  ageMax?: number;
  registrationType?: 'registered' | 'floating' | 'overseas';
  /** Every tag must hold (低保 household, disability, unemployed, living alone, corrections). */
  tags: readonly ResidentListTag[];
  /** The grid cell of where they live. */
  gridCode?: string;
  sort: ResidentSort;
}

type Row = Record<string, unknown>;

/** A resident row as the console shows it: community, current membership, where they live. */
const RESIDENT_FROM = `
    FROM resident r
    JOIN community c ON c.code = r.community_code
    LEFT JOIN household_member m ON m.resident_id = r.id AND m.left_on IS NULL
    LEFT JOIN address a ON a.id = r.current_address_id`;

export const RESIDENT_SELECT = `
  SELECT r.*, c.name AS community_name, m.household_id, m.relation,
         a.estate AS addr_estate, a.building AS addr_building, a.unit AS addr_unit, a.room AS addr_room,
         a.grid_code AS addr_grid_code ${RESIDENT_FROM}`;

/** Lists also filter on the household (低保). */
const LIST_JOIN = `LEFT JOIN household h ON h.id = m.household_id`;

/** Where they live as the console writes it (幸福小区3幢2单元301室), for searching by address. */
const ADDRESS_TEXT = `concat(a.estate, a.building || '幢', a.unit || '单元', a.room || '室')`;

/** "Today" is Beijing's date, whatever the server's clock zone. */
const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

const TAG_CONDITIONS: Record<ResidentListTag, string> = {
  assistance: `h.assistance_type IS NOT NULL AND h.status = 'active'`,
  disability: `r.disability_type IS NOT NULL`,
  unemployed: `r.employment_status = '2'`,
  'living-alone': `r.living_status = 'alone'`,
  corrections: `r.corrections_type IS NOT NULL AND (r.corrections_end IS NULL OR r.corrections_end >= ${TODAY})`,
};

const ORDER: Record<ResidentSort, string> = {
  name: 'r.name_pinyin, r.id',
  'age-desc': 'r.birth_date NULLS LAST, r.name_pinyin, r.id',
  'age-asc': 'r.birth_date DESC NULLS LAST, r.name_pinyin, r.id',
};

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * What a typed search means: digits are the start or the end of an ID number (a caller often
 * gives only the last four) or a phone number; letters are pinyin; anything else a name or an
 * address (栋 and 号楼 written as the record writes 幢).
 */
function searchCondition(q: string, params: unknown[]): string {
  const id = normaliseCitizenId(q);
  if (/^\d{3,17}[\dX]$/.test(id)) {
    const push = (value: string): string => `$${params.push(value)}`;
    const alternatives = [`r.id_number LIKE ${push(`${id}%`)}`];
    if (id.length <= 6) alternatives.push(`r.id_number LIKE ${push(`%${id}`)}`);
    if (/^\d{7,11}$/.test(id)) alternatives.push(`r.phone LIKE ${push(`%${id}%`)}`);
    return `(${alternatives.join(' OR ')})`;
  }
  if (/^[a-zA-Z]+$/.test(q)) {
    params.push(`${q.toLowerCase()}%`);
    return `(r.name_initials LIKE $${params.length} OR r.name_pinyin LIKE $${params.length})`;
  }
  const address = q.replace(/栋|号楼/g, '幢').replace(/\s+/g, '');
  params.push(`%${escapeLike(q)}%`, pinyinFull(q), `%${escapeLike(address)}%`);
  const n = params.length;
  return `(r.name LIKE $${n - 2} OR r.name_pinyin = $${n - 1} OR ${ADDRESS_TEXT} LIKE $${n})`;
}

/** The resident lists and search: one statement for the count, one for the page. */
export class ResidentListRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * `scope` is the actor's condition on `r.community_code` (its parameters in `params`);
   * `personal` whether the actor may search by identity, phone or address at all.
   */
  async page(
    scope: string,
    params: unknown[],
    filter: ResidentListFilter,
    personal: boolean,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; rows: Row[] }> {
    // A resident merged into another (a duplicate found after go-live) is found as that one.
    const where = [scope, 'r.merged_into IS NULL'];
    if (!filter.includeInactive) where.push(`r.life_status = 'alive' AND r.residence_status = 'present'`);
    const q = filter.q?.trim();
    // Searching by identity would let someone who sees masked data confirm who lives where.
    if (q) where.push(personal ? searchCondition(q, params) : 'FALSE');
    if (filter.ageMin !== undefined) {
      params.push(filter.ageMin);
      where.push(`r.birth_date <= (${TODAY} - make_interval(years => $${params.length}))::date`);
    }
    if (filter.ageMax !== undefined) {
      params.push(filter.ageMax + 1);
      where.push(`r.birth_date > (${TODAY} - make_interval(years => $${params.length}))::date`);
    }
    if (filter.registrationType) {
      params.push(filter.registrationType);
      where.push(`r.registration_type = $${params.length}`);
    }
    if (filter.gridCode) {
      params.push(filter.gridCode);
      where.push(`a.grid_code = $${params.length}`);
    }
    for (const tag of filter.tags) where.push(TAG_CONDITIONS[tag]);
    const condition = where.join(' AND ');
    const [{ total }]: Array<{ total: string }> = await this.db.query(
      `SELECT count(*) AS total ${RESIDENT_FROM} ${LIST_JOIN} WHERE ${condition}`,
      params,
    );
    const paged = [...params, page.limit, page.offset];
    const rows: Row[] = await this.db.query(
      `${RESIDENT_SELECT} ${LIST_JOIN} WHERE ${condition} ORDER BY ${ORDER[filter.sort]}
        LIMIT $${paged.length - 1} OFFSET $${paged.length}`,
      paged,
    );
    return { total: Number(total), rows };
  }
}
