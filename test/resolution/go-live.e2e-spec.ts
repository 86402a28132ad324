import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { generateCity } from '@hub/generator';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import { parseAddress } from '@hub/matching';
import { ImportService, PromotionService } from '@hub/resolution/departments';
import { drained, startHub, type Hub } from '../delivery/harness';
import { ELSEWHERE, HOME, NEIGHBOUR } from '../support/api-app';
import { hubContext } from './hub-context';
import { reconcileAgainstFindings } from './reconcile-vs-findings';
import { addGridCells, goLive, householdAgreement, RECORDS } from './go-live-support';

/** Every department that holds persons (statistics holds counts). */
const PERSON_SYSTEMS: string[] = DEPARTMENT_SYSTEMS.map((s) => s.slug).filter(
  (slug) => slug !== 'statistics',
);

/** Social insurance keeps the 户籍 address and family planning none: they take no address change. */
const CURRENT_ADDRESS = new Set(
  PERSON_SYSTEMS.filter((s) => s !== 'social-insurance' && s !== 'family-planning'),
);

type Counts = Record<string, number>;

const CITY = [HOME, NEIGHBOUR, ELSEWHERE];

/** The departments' own record counts, read from the simulator. */
async function departmentCounts(hub: Hub): Promise<Counts> {
  const counts: Counts = {};
  for (const system of PERSON_SYSTEMS) counts[system] = (await hub.sim.records(system)).length;
  return counts;
}

async function tableCounts(hub: Hub): Promise<Counts> {
  const [row]: Counts[] = await hub.h.db.query(
    `SELECT (SELECT count(*)::int FROM resident) AS residents,
            (SELECT count(*)::int FROM resident_version) AS versions,
            (SELECT count(*)::int FROM household) AS households,
            (SELECT count(*)::int FROM household_version) AS household_versions,
            (SELECT count(*)::int FROM delivery) AS deliveries,
            (SELECT count(*)::int FROM system_link) AS links,
            (SELECT count(*)::int FROM data_finding) AS findings`,
  );
  return row;
}

/**
 * The department record each resident is linked to, read back from the staged import (a
 * department's second record of the same person is its duplicate: the hub updates one).
 */
async function heldRecords(
  hub: Hub,
  residentIds: string[],
): Promise<Array<{ resident_id: string; system: string; phone: string | null; address: string | null }>> {
  return hub.h.db.query(
    `SELECT s.resident_id, s.system, s.phone, s.address->>'text' AS address
       FROM ${RECORDS} s JOIN system_link l ON l.system = s.system AND l.subject_type = 'resident'
        AND l.subject_id = s.resident_id AND l.present AND (l.external_id = s.record_id OR l.external_id IS NULL)
      WHERE s.resident_id = ANY($1)`,
    [residentIds],
  );
}

describe('go-live: an imported city becomes the unified record, linked to every department record', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-go-live-'));
  let hub: Hub;
  let context: INestApplicationContext;
  let promoted: Awaited<ReturnType<PromotionService['promote']>>;
  let departmentsAtGoLive: Counts;

  const importAndPromote = () => goLive(context);

  beforeAll(async () => {
    await generateCity({ people: 5_000, seed: 23, outDir: dir, communities: CITY });
    // As on go-live day: the departments are imported and promoted before the worker runs.
    hub = await startHub('go-live', {}, { SIM_SEED_DIR: dir }, async (sim, api) => {
      await addGridCells(api.db, CITY);
      context = await hubContext(api.database, sim);
      promoted = await importAndPromote();
    });
    departmentsAtGoLive = await departmentCounts(hub);
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes every golden record a resident, except the documented ones without name or birth date', async () => {
    const [{ golden, residents }]: Array<{ golden: number; residents: number }> = await hub.h.db.query(
      `SELECT (SELECT count(*)::int FROM golden_person WHERE status = 'active') AS golden,
              (SELECT count(*)::int FROM resident) AS residents`,
    );
    expect(promoted.residents).toBe(residents);
    expect(residents).toBe(golden - promoted.skipped);
    expect(promoted.skipped).toBeLessThan(golden * 0.005);
    const skippedFor = Object.keys(promoted.skippedBy).sort();
    expect(skippedFor.every((reason) => ['no-birth-date', 'no-gender', 'no-name'].includes(reason))).toBe(
      true,
    );
    const [{ versions }]: Array<{ versions: number }> = await hub.h.db.query(
      `SELECT count(*)::int AS versions FROM resident_version WHERE version = 1 AND change_kind = 'resident.imported'`,
    );
    expect(versions).toBe(residents);
  });

  it('rebuilds ≥ 99% of the true households with exactly their members', async () => {
    const agreement = await householdAgreement(hub.h.db, dir);
    expect(agreement.households).toBeGreaterThan(1_500);
    expect(agreement.share).toBeGreaterThanOrEqual(0.99);
  });

  it('links every department record of a promoted person to its resident, and each system to one of them', async () => {
    const [unlinked]: Array<{ records: number; systems: number }> = await hub.h.db.query(
      `SELECT (SELECT count(*)::int FROM ${RECORDS} s JOIN golden_person g ON g.id = s.golden_id
                 JOIN resident r ON r.golden_id = g.id WHERE s.resident_id IS DISTINCT FROM r.id) AS records,
              (SELECT count(*)::int FROM (SELECT DISTINCT s.system, s.resident_id FROM ${RECORDS} s
                 WHERE s.resident_id IS NOT NULL AND s.system <> 'civil-assistance') held
                 WHERE NOT EXISTS (SELECT 1 FROM system_link l WHERE l.system = held.system
                   AND l.subject_type = 'resident' AND l.subject_id = held.resident_id)) AS systems`,
    );
    expect(unlinked).toEqual({ records: 0, systems: 0 });
  });

  it('reconciling right after promotion reports the worklist: each resident difference is a finding, each finding a difference', async () => {
    const result = await reconcileAgainstFindings(context, hub.h.db);
    expect({ unexplained: result.unexplained, unreported: result.unreported }).toEqual({
      unexplained: [],
      unreported: [],
    });
    expect(result.agreed.fields).toBeGreaterThan(1_000);
    expect(result.agreed.holdings).toBeGreaterThan(10);
  }, 300_000);

  it('importing and promoting the same content again creates nothing and sends nothing', async () => {
    await drained(hub.h);
    const before = await tableCounts(hub);
    const [{ now: rerunAt }]: Array<{ now: Date }> = await hub.h.db.query(`SELECT now()`);
    const again = await importAndPromote();
    expect(again.residents).toBe(0);
    await drained(hub.h);
    const changed: unknown[] = await hub.h.db.query(
      `SELECT v.change_kind, v.source, (SELECT jsonb_object_agg(k, jsonb_build_array(o.state->k, v.state->k))
                FROM jsonb_object_keys(v.state) k WHERE o.state->k IS DISTINCT FROM v.state->k AND k NOT IN ('version', 'updated_at')) AS diff
         FROM resident_version v JOIN resident_version o ON o.resident_id = v.resident_id AND o.version = v.version - 1
        WHERE v.version > 1 AND v.changed_at > $1`,
      [rerunAt],
    );
    expect(changed).toEqual([]);
    expect(await tableCounts(hub)).toEqual(before);
    expect(await departmentCounts(hub)).toEqual(departmentsAtGoLive);
  }, 180_000);

  it('a phone or address change of 200 imported people updates the records the departments hold: no creates', async () => {
    // A new address keeps a grid cell (the grid platform places every resident in one).
    const people: Array<{ id: string; grid: string }> = await hub.h.db.query(
      `SELECT r.id, COALESCE(a.grid_code, (SELECT min(code) FROM grid_cell g WHERE g.community_code = r.community_code)) AS grid
         FROM resident r LEFT JOIN address a ON a.id = r.current_address_id WHERE r.life_status = 'alive' AND r.residence_status = 'present'
          AND EXISTS (SELECT 1 FROM system_link l WHERE l.subject_id = r.id AND l.present)
        ORDER BY md5(r.id::text) LIMIT 200`,
    );
    expect(people).toHaveLength(200);
    const phones = new Map<string, string>();
    const addresses = new Map<string, string>();
    const answers: number[] = [];
    for (const [i, { id, grid }] of people.entries()) {
      if (i % 2 === 0) {
        const phone = `1390000${String(i).padStart(4, '0')}`;
        const res = await hub.h.http
          .patch(`/api/residents/${id}`)
          .auth(hub.h.tokens.admin, { type: 'bearer' })
          .send({ phone });
        answers.push(res.status);
        phones.set(id, phone);
      } else {
        const address = {
          estate: '迎春新村',
          building: String(40 + (i % 9)),
          unit: '1',
          room: String(100 + i),
          gridCode: grid,
        };
        const res = await hub.h.http
          .post(`/api/residents/${id}/address`)
          .auth(hub.h.tokens.admin, { type: 'bearer' })
          .send({ address });
        answers.push(res.status);
        addresses.set(id, `${address.building}|${address.room}`);
      }
    }
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    await drained(hub.h, 240_000);
    expect(await departmentCounts(hub)).toEqual(departmentsAtGoLive);

    const ids = people.map((p) => p.id);
    const unsettled: unknown[] = await hub.h.db.query(
      `SELECT system, status, action, error_kind, left(last_error, 120) AS error, count(*)::int AS n FROM delivery
        WHERE subject_id = ANY($1) AND status NOT IN ('confirmed', 'not_relevant') GROUP BY 1, 2, 3, 4, 5`,
      [ids],
    );
    expect(unsettled).toEqual([]);
    const [{ updates }]: Array<{ updates: number }> = await hub.h.db.query(
      `SELECT count(*)::int AS updates FROM delivery WHERE subject_id = ANY($1) AND action = 'upsert'`,
      [ids],
    );
    expect(updates).toBeGreaterThan(600);

    // Read every department's content back through its own protocol and look at these people.
    await context.get(ImportService).importAll();
    const held = await heldRecords(hub, ids);
    expect(held.length).toBeGreaterThan(600);
    const stale = held.filter((r) => {
      const phone = phones.get(r.resident_id);
      if (phone) return r.phone !== null && r.phone.replace(/\D/g, '') !== phone;
      const address = addresses.get(r.resident_id);
      const parsed = r.address ? parseAddress(r.address) : null;
      if (address === undefined || !CURRENT_ADDRESS.has(r.system)) return false;
      return parsed === null || `${parsed.building}|${parsed.room}` !== address;
    });
    expect(stale).toEqual([]);
  }, 400_000);

  it('the death of an imported person ends every record the departments hold of them, in each one’s way', async () => {
    const [person]: Array<{ id: string; systems: string[] }> = await hub.h.db.query(
      `SELECT l.subject_id AS id, array_agg(l.system ORDER BY l.system) AS systems FROM system_link l
         JOIN resident r ON r.id = l.subject_id AND r.life_status = 'alive' AND r.residence_status = 'present'
        WHERE l.subject_type = 'resident' AND l.present AND NOT l.disputed
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    expect(person.systems.length).toBeGreaterThanOrEqual(4);
    const res = await hub.h.http
      .post(`/api/residents/${person.id}/death`)
      .auth(hub.h.tokens.admin, { type: 'bearer' })
      .send({ date: '2026-11-30' });
    expect(res.status).toBe(200);
    await drained(hub.h, 120_000);
    const stillHeld: unknown[] = await hub.h.db.query(
      `SELECT system FROM system_link WHERE subject_type = 'resident' AND subject_id = $1 AND present`,
      [person.id],
    );
    expect(stillHeld).toEqual([]);
    // Read back through the departments' own exports: nothing of theirs still counts the person.
    await context.get(ImportService).importAll();
    const active: unknown[] = await hub.h.db.query(
      `SELECT s.system, s.attributes FROM ${RECORDS} s JOIN system_link l ON l.system = s.system
          AND l.subject_type = 'resident' AND l.subject_id = s.resident_id
          AND (l.external_id = s.record_id OR l.external_id IS NULL)
        WHERE s.resident_id = $1 AND s.attributes->>'lifeStatus' IS DISTINCT FROM 'deceased'
          AND coalesce(s.attributes->>'status', 'active') = 'active'`,
      [person.id],
    );
    expect(active).toEqual([]);
  }, 240_000);

  it('puts the review pairs where the people live: each pending pair has a community', async () => {
    const [pairs]: Array<{ pending: number; placed: number }> = await hub.h.db.query(
      `SELECT count(*)::int AS pending, count(community_code)::int AS placed FROM match_review WHERE status = 'pending'`,
    );
    expect(pairs.pending).toBeGreaterThan(0);
    expect(pairs.placed).toBe(pairs.pending);
  });

  describe('the worklist (数据核对)', () => {
    type Finding = {
      id: string;
      subjectId: string;
      communityCode: string;
      field: string;
      chosenValue: string | null;
      departmentValues: Array<{ system: string; recordId: string; value: string | null }>;
      status: string;
    };
    const list = async (token: string, query: Record<string, string> = {}) => {
      const res = await hub.h.http
        .get('/api/findings')
        .query({ limit: '100', ...query })
        .auth(token, { type: 'bearer' });
      expect(res.status).toBe(200);
      return res.body as { total: number; items: Finding[]; openByField: Record<string, number> };
    };

    it('shows a worker their own community’s findings, and none of another’s', async () => {
      const mine = await list(hub.h.tokens.worker);
      expect(mine.total).toBeGreaterThan(10);
      expect(new Set(mine.items.map((f) => f.communityCode))).toEqual(new Set([HOME]));
      const theirs = await list(hub.h.tokens.neighbour);
      expect(theirs.items.some((f) => f.communityCode === HOME)).toBe(false);
      const other = mine.items[0];
      const res = await hub.h.http
        .post(`/api/findings/${other.id}/confirm`)
        .auth(hub.h.tokens.neighbour, { type: 'bearer' });
      expect(res.status).toBe(404);
    });

    it('refuses a correction that is not a valid value, naming the field, and changes nothing', async () => {
      const [phone] = (await list(hub.h.tokens.worker, { field: 'phone' })).items;
      const res = await hub.h.http
        .post(`/api/findings/${phone.id}/correct`)
        .auth(hub.h.tokens.worker, { type: 'bearer' })
        .send({ value: '12345' });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/value/);
      expect(JSON.stringify(res.body)).toMatch(/[\u4e00-\u9fff]/);
      const still = await list(hub.h.tokens.worker, { field: 'phone', residentId: phone.subjectId });
      expect(still.items.map((f) => f.id)).toContain(phone.id);
    });

    it('a confirmed phone reaches the departments that held another; a corrected one changes the resident', async () => {
      const phones = (await list(hub.h.tokens.worker, { field: 'phone' })).items.filter(
        (f) => f.chosenValue !== null && f.departmentValues.some((v) => v.system !== 'civil-assistance'),
      );
      expect(phones.length).toBeGreaterThanOrEqual(2);
      const [confirmed, corrected] = phones;
      const ok = await hub.h.http
        .post(`/api/findings/${confirmed.id}/confirm`)
        .auth(hub.h.tokens.worker, { type: 'bearer' });
      expect(ok.status).toBe(200);
      const fixed = await hub.h.http
        .post(`/api/findings/${corrected.id}/correct`)
        .auth(hub.h.tokens.worker, { type: 'bearer' })
        .send({ value: '13912340000' });
      expect(fixed.status).toBe(200);
      const [resident]: Array<{ phone: string }> = await hub.h.db.query(
        `SELECT phone FROM resident WHERE id = $1`,
        [corrected.subjectId],
      );
      expect(resident.phone).toBe('13912340000');
      await drained(hub.h, 120_000);
      await context.get(ImportService).importAll();
      const held = await heldRecords(hub, [confirmed.subjectId, corrected.subjectId]);
      const expected = new Map([
        [confirmed.subjectId, confirmed.chosenValue],
        [corrected.subjectId, '13912340000'],
      ]);
      const differing = held.filter(
        (r) => r.phone !== null && r.phone.replace(/\D/g, '') !== expected.get(r.resident_id),
      );
      expect(differing).toEqual([]);
      const decided = await list(hub.h.tokens.worker, { status: 'confirmed' });
      expect(decided.items.map((f) => f.id)).toContain(confirmed.id);
    }, 240_000);

    it('once a worker has confirmed every field finding of their community, reconciliation finds nothing unexplained', async () => {
      const fieldFindings: Finding[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await list(hub.h.tokens.worker, { offset: String(offset) });
        fieldFindings.push(...page.items.filter((f) => !f.field.startsWith('holding:')));
        if (offset + 100 >= page.total) break;
      }
      expect(fieldFindings.length).toBeGreaterThan(100);
      for (const finding of fieldFindings) {
        const res = await hub.h.http
          .post(`/api/findings/${finding.id}/confirm`)
          .auth(hub.h.tokens.worker, { type: 'bearer' });
        expect(res.status).toBe(200);
      }
      await drained(hub.h, 240_000);
      // Every difference left is explained by an open finding (other communities' ones), or the
      // department refused the kept value and the ledger shows it failed with its reason (人社局
      // takes no change of a registered ID number, nor a name GBK cannot hold).
      const { unexplained, agreed } = await reconcileAgainstFindings(context, hub.h.db);
      const latest: Array<{ key: string; status: string }> = await hub.h.db.query(
        `SELECT DISTINCT ON (system, subject_id) system || '|' || subject_id AS key, status
           FROM delivery WHERE subject_type = 'resident' ORDER BY system, subject_id, version DESC`,
      );
      const refusedBy = new Set(latest.filter((d) => d.status === 'failed').map((d) => d.key));
      const unrefused = unexplained.filter((key) => !refusedBy.has(key.split('|').slice(0, 2).join('|')));
      expect(unrefused).toEqual([]);
      expect(unexplained.length).toBeLessThan(fieldFindings.length / 20);
      expect(agreed.fields).toBeGreaterThan(0);
    }, 600_000);
  });

  it('a merge after go-live makes two residents one, with the departments holding both listed; an unmerge splits them back', async () => {
    const admin = (req: ReturnType<typeof hub.h.http.get>) =>
      req.auth(hub.h.tokens.admin, { type: 'bearer' });
    const [pair]: Array<{ id: string; a: string; b: string }> = await hub.h.db.query(
      `SELECT m.id::text AS id, a.resident_id AS a, b.resident_id AS b FROM match_review m
         JOIN ${RECORDS} a ON a.id = m.a_record JOIN ${RECORDS} b ON b.id = m.b_record
        WHERE m.status = 'pending' AND a.resident_id IS NOT NULL AND b.resident_id IS NOT NULL
          AND a.resident_id <> b.resident_id ORDER BY m.id LIMIT 1`,
    );
    expect(pair).toBeDefined();
    const heldByBoth: Array<{ system: string }> = await hub.h.db.query(
      `SELECT system FROM ${RECORDS} s WHERE resident_id = ANY($1) AND coalesce(attributes->>'status', 'active') = 'active'
          AND system <> 'civil-assistance'
        GROUP BY system HAVING count(DISTINCT resident_id) = 2`,
      [[pair.a, pair.b]],
    );

    const merged = await admin(hub.h.http.post(`/api/reviews/${pair.id}/merge`));
    expect(merged.status).toBe(200);
    const rows: Array<{ id: string; merged_into: string | null }> = await hub.h.db.query(
      `SELECT id, merged_into FROM resident WHERE id = ANY($1)`,
      [[pair.a, pair.b]],
    );
    const retired = rows.find((r) => r.merged_into !== null);
    const survivor = rows.find((r) => r.merged_into === null);
    expect(retired?.merged_into).toBe(survivor?.id);
    if (!retired || !survivor) throw new Error('no merge');

    const redirected = await admin(hub.h.http.get(`/api/residents/${retired.id}`));
    expect(redirected.status).toBe(200);
    expect(redirected.body).toMatchObject({ id: survivor.id, mergedFrom: retired.id });
    const write = await admin(hub.h.http.patch(`/api/residents/${retired.id}`)).send({
      phone: '13900001111',
    });
    expect(write.status).toBe(409);

    const report = await admin(hub.h.http.get('/api/findings/department-duplicates'));
    expect(report.status).toBe(200);
    const listed = (report.body as Array<{ system: string; residents: Array<{ residentId: string }> }>)
      .filter((d) => d.residents.some((r) => r.residentId === survivor.id))
      .map((d) => d.system);
    // Every department holding both is listed (one that held the person twice before is, too).
    expect(listed).toEqual(expect.arrayContaining(heldByBoth.map((h) => h.system)));

    const unmerged = await admin(hub.h.http.post(`/api/golden/${merged.body.goldenId}/unmerge`));
    expect(unmerged.status).toBe(200);
    const back = await admin(hub.h.http.get(`/api/residents/${retired.id}`));
    expect(back.status).toBe(200);
    expect(back.body.id).toBe(retired.id);
    expect(back.body.mergedFrom).toBeUndefined();
  }, 60_000);
});
