import type { PoolClient } from 'pg';
import { copyRows, inTransaction, jsonArrayBatches, mapBatches, type SimContext } from '../../framework';
import { FIGURE_NAMES, type Figures, type ReportRevision, type ReportSubmission } from './statistics.types';

const SELECT = `SELECT report_no, revision, submitted_at, community_code, period, figures FROM`;

interface RevisionRow {
  report_no: string;
  revision: number;
  submitted_at: Date;
  community_code: string;
  period: string;
  figures: Figures;
}

/** `yyyy-MM-ddTHH:mm:ss+08:00`: the platform states times in its own zone. */
const shanghaiIso = (at: Date): string =>
  `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

const toRevision = (row: RevisionRow): ReportRevision => ({
  reportNo: row.report_no,
  revision: row.revision,
  submittedAt: shanghaiIso(row.submitted_at),
  communityCode: row.community_code,
  period: row.period,
  ...figuresOf(row.figures),
});

/** The figures in the spec's order, whatever order jsonb keeps them in. */
const figuresOf = (source: Record<string, unknown>): Figures =>
  Object.fromEntries(FIGURE_NAMES.map((name) => [name, Number(source[name])])) as Figures;

export async function createTables(ctx: SimContext): Promise<void> {
  await ctx.db.query(`
    CREATE TABLE IF NOT EXISTS ${ctx.schema}.report_revision (
      report_no      varchar(20) NOT NULL,
      revision       integer NOT NULL,
      submitted_at   timestamptz NOT NULL,
      community_code varchar(12) NOT NULL,
      period         varchar(7) NOT NULL,
      figures        jsonb NOT NULL,
      CONSTRAINT report_revision_pk PRIMARY KEY (report_no, revision),
      CONSTRAINT report_revision_period_uk UNIQUE (community_code, period, revision)
    );
    CREATE SEQUENCE IF NOT EXISTS ${ctx.schema}.report_no_seq;`);
}

export async function loadSeedIfEmpty(ctx: SimContext): Promise<void> {
  const file = ctx.seedFile('json');
  const { rows } = await ctx.db.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${ctx.schema}.report_revision`,
  );
  if (!file || Number(rows[0].n) > 0) return;
  const revisions = mapBatches(jsonArrayBatches(file), (item) => {
    const r = item as ReportRevision;
    return [r.reportNo, r.revision, r.submittedAt, r.communityCode, r.period, JSON.stringify(figuresOf(r))];
  });
  await inTransaction(ctx.db, async (client) => {
    await copyRows(
      client,
      `${ctx.schema}.report_revision`,
      ['report_no', 'revision', 'submitted_at', 'community_code', 'period', 'figures'],
      revisions,
    );
    // New report numbers continue after the seed's highest.
    await client.query(
      `SELECT setval('${ctx.schema}.report_no_seq', GREATEST(1, (SELECT max(right(report_no, 6)::bigint)
         FROM ${ctx.schema}.report_revision WHERE report_no ~ '^TJ[0-9]{12}$')))`,
    );
  });
}

/** Every revision of one report, oldest first. */
export async function revisionsOf(
  ctx: SimContext,
  by: { reportNo: string } | { communityCode: string; period: string },
  client: Pick<PoolClient, 'query'> = ctx.db,
): Promise<ReportRevision[]> {
  const { rows } =
    'reportNo' in by
      ? await client.query<RevisionRow>(
          `${SELECT} ${ctx.schema}.report_revision WHERE report_no = $1 ORDER BY revision`,
          [by.reportNo],
        )
      : await client.query<RevisionRow>(
          `${SELECT} ${ctx.schema}.report_revision WHERE community_code = $1 AND period = $2 ORDER BY revision`,
          [by.communityCode, by.period],
        );
  return rows.map(toRevision);
}

/** Stores a revision; the first revision of a report gets a new number `TJ` + yyyyMM + 6 digits. */
export async function addRevision(
  ctx: SimContext,
  client: PoolClient,
  report: ReportSubmission,
  previous: ReportRevision | undefined,
): Promise<{ reportNo: string; revision: number }> {
  let reportNo = previous?.reportNo;
  if (!reportNo) {
    const { rows } = await client.query<{ n: string }>(`SELECT nextval('${ctx.schema}.report_no_seq') AS n`);
    reportNo = `TJ${report.period.replace('-', '')}${rows[0].n.padStart(6, '0')}`;
  }
  const revision = (previous?.revision ?? 0) + 1;
  await client.query(
    `INSERT INTO ${ctx.schema}.report_revision (report_no, revision, submitted_at, community_code, period, figures)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [reportNo, revision, ctx.now(), report.communityCode, report.period, JSON.stringify(figuresOf(report))],
  );
  return { reportNo, revision };
}

export async function allRevisions(ctx: SimContext): Promise<ReportRevision[]> {
  const { rows } = await ctx.db.query<RevisionRow>(
    `${SELECT} ${ctx.schema}.report_revision ORDER BY report_no, revision`,
  );
  return rows.map(toRevision);
}

export const sameFigures = (a: Figures, b: Figures): boolean =>
  FIGURE_NAMES.every((name) => a[name] === b[name]);
