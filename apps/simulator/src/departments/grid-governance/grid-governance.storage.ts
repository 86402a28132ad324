import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import {
  copyRows,
  copyUnlessRepeated,
  jsonArrayBatches,
  mapBatches,
  SerialTransactions,
  type SimContext,
} from '../../framework';
import {
  GridError,
  ItemError,
  type EventType,
  type GridEvent,
  type GridHouse,
  type GridPerson,
} from './grid-governance.types';
import { addressKey, validateHouse, validatePerson } from './grid-governance.validation';

const newId = (): string => randomUUID().replace(/-/g, '');

function sameRecord(a: object, b: object): boolean {
  const sorted = (o: object) => JSON.stringify(Object.entries(o).sort(([x], [y]) => x.localeCompare(y)));
  return sorted(a) === sorted(b);
}

/** What a change to a person means to the platform's event log. */
function personEventType(before: GridPerson | undefined, after: GridPerson): EventType {
  if (!before) return 'PERSON_CREATED';
  if (after.status !== before.status && after.status === 'left') return 'PERSON_LEFT';
  if (after.status !== before.status && after.status === 'deceased') return 'PERSON_DECEASED';
  if (after.phone !== before.phone && sameRecord({ ...before, phone: after.phone }, after))
    return 'PHONE_CHANGED';
  return 'PERSON_UPDATED';
}

export interface PageToken {
  after: number;
}

/** Opaque to clients: base64url of the last row's position. */
export const encodePageToken = (token: PageToken): string =>
  Buffer.from(JSON.stringify(token)).toString('base64url');
export function decodePageToken(value: string): PageToken {
  try {
    const token = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as PageToken;
    if (Number.isInteger(token.after) && token.after >= 0) return token;
  } catch {
    // fall through
  }
  throw new GridError(400, 'INVALID_ARGUMENT', '分页令牌无效');
}

/** The grid platform's storage: persons, houses and the event log the `after` cursor reads. */
export class GridStore {
  private readonly persons: string;
  private readonly houses: string;
  private readonly events: string;
  private readonly writes = new SerialTransactions();

  constructor(private readonly ctx: SimContext) {
    this.persons = `${ctx.schema}.person`;
    this.houses = `${ctx.schema}.house`;
    this.events = `${ctx.schema}.event`;
  }

  async init(): Promise<void> {
    await this.ctx.db.query(`
      CREATE TABLE IF NOT EXISTS ${this.persons} (
        seq bigserial CONSTRAINT person_seq_key UNIQUE,
        person_id text PRIMARY KEY,
        id_no text,
        name text NOT NULL,
        phone text NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX IF NOT EXISTS person_id_no_idx ON ${this.persons} (id_no);
      CREATE INDEX IF NOT EXISTS person_name_phone_idx ON ${this.persons} (name, phone);
      CREATE TABLE IF NOT EXISTS ${this.houses} (
        seq bigserial CONSTRAINT house_seq_key UNIQUE,
        house_id text PRIMARY KEY,
        grid_code text NOT NULL,
        address_key text NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX IF NOT EXISTS house_address_idx ON ${this.houses} (grid_code, address_key);
      CREATE TABLE IF NOT EXISTS ${this.events} (
        event_id bigserial PRIMARY KEY,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        person_id text,
        house_id text,
        record jsonb NOT NULL
      );`);
    const { rows } = await this.ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.persons}`);
    const seed = this.ctx.seedFile('json');
    if (Number(rows[0].n) === 0 && seed) await this.serially((client) => this.loadSeed(client, seed));
  }

  /**
   * Kept as given, duplicates and address spellings included: that is what the platform holds.
   * The file `{persons: [...], houses: [...]}` is read twice, once for each array.
   */
  private async loadSeed(client: PoolClient, seed: string): Promise<void> {
    const persons = (): AsyncGenerator<GridPerson[]> =>
      jsonArrayBatches(seed, 'persons') as AsyncGenerator<GridPerson[]>;
    const houses = (): AsyncGenerator<GridHouse[]> =>
      jsonArrayBatches(seed, 'houses') as AsyncGenerator<GridHouse[]>;
    await copyUnlessRepeated(client, {
      copy: async () => {
        const personRows = mapBatches(persons(), (p) => [
          p.personId,
          p.idNo || null,
          p.name,
          p.phone ?? '',
          p,
        ]);
        await copyRows(client, this.persons, ['person_id', 'id_no', 'name', 'phone', 'record'], personRows);
        const houseRows = mapBatches(houses(), (h) => [h.houseId, h.gridCode, addressKey(h.address), h]);
        await copyRows(client, this.houses, ['house_id', 'grid_code', 'address_key', 'record'], houseRows);
      },
      // An id repeated in the seed: the later record replaces the earlier, as an upsert does.
      upsert: async () => {
        for await (const batch of persons()) for (const p of batch) await this.writePerson(client, p);
        for await (const batch of houses()) for (const h of batch) await this.writeHouse(client, h);
      },
      serials: [
        [this.persons, 'seq'],
        [this.houses, 'seq'],
      ],
    });
  }

  async page(
    kind: 'person' | 'house',
    after: number,
    size: number,
  ): Promise<{ items: unknown[]; last?: number; more: boolean }> {
    const table = kind === 'person' ? this.persons : this.houses;
    const { rows } = await this.ctx.db.query<{ seq: string; record: unknown }>(
      `SELECT seq, record FROM ${table} WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, size + 1],
    );
    const page = rows.slice(0, size);
    return {
      items: page.map((r) => r.record),
      last: page.length ? Number(page.at(-1)?.seq) : undefined,
      more: rows.length > size,
    };
  }

  async eventsAfter(after: number, limit: number): Promise<GridEvent[]> {
    const { rows } = await this.ctx.db.query<{
      event_id: string;
      type: EventType;
      occurred_at: Date;
      person_id: string | null;
      house_id: string | null;
      record: GridPerson | GridHouse;
    }>(`SELECT * FROM ${this.events} WHERE event_id > $1 ORDER BY event_id LIMIT $2`, [after, limit]);
    return rows.map((r) => ({
      eventId: String(r.event_id),
      type: r.type,
      occurredAt: r.occurred_at.toISOString(),
      ...(r.person_id ? { personId: r.person_id, person: r.record as GridPerson } : {}),
      ...(r.house_id ? { houseId: r.house_id, house: r.record as GridHouse } : {}),
    }));
  }

  async dump(): Promise<Array<GridPerson | GridHouse>> {
    const persons = await this.ctx.db.query<{ record: GridPerson }>(
      `SELECT record FROM ${this.persons} ORDER BY seq`,
    );
    const houses = await this.ctx.db.query<{ record: GridHouse }>(
      `SELECT record FROM ${this.houses} ORDER BY seq`,
    );
    return [...persons.rows.map((r) => r.record), ...houses.rows.map((r) => r.record)];
  }

  /** Runs each item in its own savepoint: one refused item leaves the others applied. */
  batch<T, R>(
    items: T[],
    apply: (client: PoolClient, item: T, index: number) => Promise<R>,
  ): Promise<Array<R | ItemError>> {
    return this.serially(async (client) => {
      const results: Array<R | ItemError> = [];
      for (const [index, item] of items.entries()) {
        await client.query('SAVEPOINT item');
        try {
          results.push(await apply(client, item, index));
          await client.query('RELEASE SAVEPOINT item');
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT item');
          if (!(error instanceof ItemError)) throw error;
          results.push(error);
        }
      }
      return results;
    });
  }

  /**
   * Upsert of one person. Matching: `personId` when given; else the earliest person with the same
   * ID number; else, without an ID number, the earliest person without one with the same name and
   * phone. A person that changes nothing leaves no event.
   */
  async upsertPerson(
    client: PoolClient,
    item: Partial<GridPerson>,
    eventType?: EventType,
  ): Promise<{ person: GridPerson; created: boolean }> {
    const one = async (where: string, params: unknown[]) =>
      (
        await client.query<{ record: GridPerson }>(
          `SELECT record FROM ${this.persons} WHERE ${where} ORDER BY seq LIMIT 1 FOR UPDATE`,
          params,
        )
      ).rows[0]?.record;
    let current: GridPerson | undefined;
    if (item.personId) {
      current = await one('person_id = $1', [item.personId]);
      if (!current) throw new ItemError(`人员编号不存在：${item.personId}`);
    } else if (item.idNo) {
      current = await one('id_no = $1', [item.idNo]);
    } else if (item.name && item.phone) {
      current = await one(`id_no IS NULL AND name = $1 AND phone = $2`, [item.name.trim(), item.phone]);
    }
    // Identity first: an ID number another person holds is a duplicate, whatever else is wrong.
    if (item.idNo && current && item.idNo !== current.idNo) {
      const holder = await one('id_no = $1 AND person_id <> $2', [item.idNo, current.personId]);
      if (holder) throw new ItemError(`该身份证号码已由其他人员登记（personId ${holder.personId}）`, true);
    }
    const content = validatePerson({ ...current, ...item });
    const person: GridPerson = { personId: current?.personId ?? newId(), ...content };
    if (current && sameRecord(current, person)) return { person: current, created: false };
    await this.writePerson(client, person);
    await this.event(
      client,
      eventType ?? personEventType(current, person),
      person.personId,
      undefined,
      person,
    );
    return { person, created: !current };
  }

  /** Upsert of one house: by `houseId`, else by grid cell and address however it is written. */
  async upsertHouse(
    client: PoolClient,
    item: Partial<GridHouse>,
  ): Promise<{ house: GridHouse; created: boolean }> {
    const one = async (where: string, params: unknown[]) =>
      (
        await client.query<{ record: GridHouse }>(
          `SELECT record FROM ${this.houses} WHERE ${where} ORDER BY seq LIMIT 1 FOR UPDATE`,
          params,
        )
      ).rows[0]?.record;
    let current: GridHouse | undefined;
    if (item.houseId) {
      current = await one('house_id = $1', [item.houseId]);
      if (!current) throw new ItemError(`房屋编号不存在：${item.houseId}`);
    } else if (item.gridCode && item.address) {
      current = await one('grid_code = $1 AND address_key = $2', [item.gridCode, addressKey(item.address)]);
    }
    const content = validateHouse({ ...current, ...item });
    const key = addressKey(content.address);
    if (current && (key !== addressKey(current.address) || content.gridCode !== current.gridCode)) {
      const holder = await one('grid_code = $1 AND address_key = $2 AND house_id <> $3', [
        content.gridCode,
        key,
        current.houseId,
      ]);
      if (holder) throw new ItemError(`该地址已登记为其他房屋（houseId ${holder.houseId}）`, true);
    }
    const ids = [...new Set([content.headPersonId, ...content.memberPersonIds].filter(Boolean))];
    const { rows } = await client.query<{ person_id: string }>(
      `SELECT person_id FROM ${this.persons} WHERE person_id = ANY($1)`,
      [ids],
    );
    const missing = ids.filter((id) => !rows.some((r) => r.person_id === id));
    if (missing.length > 0) throw new ItemError(`人员编号不存在：${missing.join('、')}`);
    const house: GridHouse = { houseId: current?.houseId ?? newId(), ...content };
    if (current && sameRecord(current, house)) return { house: current, created: false };
    await this.writeHouse(client, house);
    await this.event(client, current ? 'HOUSE_UPDATED' : 'HOUSE_CREATED', undefined, house.houseId, house);
    return { house, created: !current };
  }

  private async writePerson(client: PoolClient, p: GridPerson): Promise<void> {
    await client.query(
      `INSERT INTO ${this.persons} (person_id, id_no, name, phone, record) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_id) DO UPDATE SET id_no = $2, name = $3, phone = $4, record = $5`,
      [p.personId, p.idNo || null, p.name, p.phone ?? '', p],
    );
  }

  private async writeHouse(client: PoolClient, h: GridHouse): Promise<void> {
    await client.query(
      `INSERT INTO ${this.houses} (house_id, grid_code, address_key, record) VALUES ($1, $2, $3, $4)
       ON CONFLICT (house_id) DO UPDATE SET grid_code = $2, address_key = $3, record = $4`,
      [h.houseId, h.gridCode, addressKey(h.address), h],
    );
  }

  private async event(
    client: PoolClient,
    type: EventType,
    personId: string | undefined,
    houseId: string | undefined,
    record: GridPerson | GridHouse,
  ): Promise<void> {
    await client.query(
      `INSERT INTO ${this.events} (type, occurred_at, person_id, house_id, record) VALUES ($1, $2, $3, $4, $5)`,
      [type, this.ctx.now(), personId ?? null, houseId ?? null, record],
    );
  }

  serially<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.writes.run(this.ctx.db, work);
  }
}
