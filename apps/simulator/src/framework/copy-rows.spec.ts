import { Pool, type PoolClient } from 'pg';
import { copyField, copyRows, copyUnlessRepeated, inTransaction } from './copy-rows';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Batches as a seed reader gives them. */
async function* batches<T>(...groups: T[][]): AsyncGenerator<T[]> {
  for (const group of groups) yield await Promise.resolve(group);
}

describe('copyField', () => {
  it('writes values as node-postgres would send them, in COPY text form', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField(12.5)).toBe('12.5');
    expect(copyField(new Date('2025-03-14T01:02:03.456Z'))).toBe('2025-03-14T01:02:03.456Z');
    expect(copyField({ name: '张\t三', tags: ['a'] })).toBe('{"name":"张\\\\t三","tags":["a"]}');
  });
});

describe('copyRows and copyUnlessRepeated (PostgreSQL)', () => {
  let pool: Pool;
  let client: PoolClient;

  beforeAll(() => {
    pool = new Pool({ connectionString: url, max: 2 });
  });
  beforeEach(async () => {
    client = await pool.connect();
    // Temporary tables: nothing is left behind in the shared database.
    await client.query(`
      CREATE TEMP TABLE person (
        seq bigserial CONSTRAINT person_seq_key UNIQUE,
        id text PRIMARY KEY,
        name text,
        born date,
        record jsonb
      );
      CREATE INDEX person_name_idx ON person (name);
      CREATE UNIQUE INDEX person_born_uq ON person (born) WHERE name IS NULL;`);
  });
  // Ending the session drops its temporary tables, whatever state a test left it in.
  afterEach(() => client.release(true));
  afterAll(() => pool.end());

  const indexes = async (): Promise<string[]> =>
    (
      await client.query<{ d: string }>(
        `SELECT pg_get_indexdef(indexrelid) AS d FROM pg_index WHERE indrelid = 'person'::regclass ORDER BY 1`,
      )
    ).rows.map((r) => r.d);

  it('copies every row as given and puts the plain indexes back as they were', async () => {
    const before = await indexes();
    const count = await copyRows(
      client,
      'person',
      ['id', 'name', 'born', 'record'],
      batches(
        [['p1', '张\t"三"\n', '1990-01-02', { tags: ['a\\b'] }]],
        [],
        [
          ['p2', null, '1991-05-06', null],
          ['p3', '\\N', null, { n: 1 }],
        ],
      ),
    );
    expect(count).toBe(3);
    const { rows } = await client.query(
      `SELECT seq::int, id, name, to_char(born, 'YYYY-MM-DD') AS born, record FROM person ORDER BY seq`,
    );
    expect(rows).toEqual([
      { seq: 1, id: 'p1', name: '张\t"三"\n', born: '1990-01-02', record: { tags: ['a\\b'] } },
      { seq: 2, id: 'p2', name: null, born: '1991-05-06', record: null },
      { seq: 3, id: 'p3', name: '\\N', born: null, record: { n: 1 } },
    ]);
    expect(await indexes()).toEqual(before);
  });

  it('fails on a broken value and leaves the table as it was', async () => {
    const before = await indexes();
    await client.query('BEGIN');
    await expect(copyRows(client, 'person', ['id', 'born'], batches([['p1', 'not a date']]))).rejects.toThrow(
      /date/,
    );
    await client.query('ROLLBACK');
    expect(await indexes()).toEqual(before);
  });

  it('runs work in a transaction that a failure rolls back', async () => {
    // The pool's other connection serves each call: its temporary table outlives the calls.
    await inTransaction(pool, (other) => other.query('CREATE TEMP TABLE IF NOT EXISTS tx_probe (n int)'));
    await expect(
      inTransaction(pool, async (other) => {
        await other.query('INSERT INTO tx_probe VALUES (1)');
        throw new Error('failed half way');
      }),
    ).rejects.toThrow('failed half way');
    await inTransaction(pool, (other) => other.query('INSERT INTO tx_probe VALUES (2)'));
    const { rows } = await inTransaction(pool, (other) => other.query('SELECT n FROM tx_probe'));
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('takes the fast path when no key repeats', async () => {
    const upsert = jest.fn();
    await client.query('BEGIN');
    await copyUnlessRepeated(client, {
      copy: () =>
        copyRows(
          client,
          'person',
          ['id', 'name'],
          batches([
            ['p1', 'a'],
            ['p2', 'b'],
          ]),
        ),
      upsert,
    });
    await client.query('COMMIT');
    expect(upsert).not.toHaveBeenCalled();
    expect((await client.query('SELECT count(*)::int AS n FROM person')).rows[0]).toEqual({ n: 2 });
  });

  it('loads again row by row when a key repeats, numbering rows as if COPY had never run', async () => {
    const rows = [
      ['p1', 'first'],
      ['p2', 'second'],
      ['p1', 'first, corrected'],
    ];
    await client.query('BEGIN');
    await copyUnlessRepeated(client, {
      copy: () => copyRows(client, 'person', ['id', 'name'], batches(rows)),
      upsert: async () => {
        for (const [id, name] of rows)
          await client.query(
            'INSERT INTO person (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = $2',
            [id, name],
          );
      },
      serials: [['person', 'seq']],
    });
    await client.query('COMMIT');
    const { rows: stored } = await client.query('SELECT seq::int, id, name FROM person ORDER BY seq');
    expect(stored).toEqual([
      { seq: 1, id: 'p1', name: 'first, corrected' },
      { seq: 2, id: 'p2', name: 'second' },
    ]);
  });

  it('does not hide other errors behind the row-by-row path', async () => {
    const upsert = jest.fn();
    await client.query('BEGIN');
    await expect(
      copyUnlessRepeated(client, {
        copy: () => copyRows(client, 'person', ['id', 'born'], batches([['p1', 'not a date']])),
        upsert,
      }),
    ).rejects.toThrow(/date/);
    await client.query('ROLLBACK');
    expect(upsert).not.toHaveBeenCalled();
  });
});
