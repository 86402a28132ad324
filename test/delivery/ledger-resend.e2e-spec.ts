import { randomUUID } from 'node:crypto';
import { LedgerService } from '@hub/ledger';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/**
 * A resend (a confirmed finding, an operator's redelivery) while a delivery of the same subject is
 * deciding "already held": the delivery read the link before the resend reset it, so its
 * confirmation must not put the old version back nor close the re-opened row, whichever commits
 * first. Otherwise the department keeps its other value and nothing is left owed.
 */
describe('delivery ledger: a resend racing an up-to-date delivery', () => {
  let t: TestDatabase;
  let ledger: LedgerService;
  const system = 'public-health';

  beforeAll(async () => {
    t = await createTestDatabase('ledger_resend');
    ledger = new LedgerService(t.db);
  });
  afterAll(() => t.drop());

  async function heldAt(version: number, statuses: Record<number, string>): Promise<string> {
    const id = randomUUID();
    await t.db.query(
      `INSERT INTO system_link (system, subject_type, subject_id, external_id, delivered_version, present)
       VALUES ($1, 'resident', $2, $3, $4, true)`,
      [system, id, `PH${id.slice(0, 8)}`, version],
    );
    for (const [v, status] of Object.entries(statuses)) {
      await t.db.query(
        `INSERT INTO delivery (system, subject_type, subject_id, version, status, action)
         VALUES ($1, 'resident', $2, $3, $4, 'upsert')`,
        [system, id, Number(v), status],
      );
    }
    return id;
  }

  async function state(id: string): Promise<{ delivered: number; rows: Record<number, string> }> {
    const [link]: Array<{ delivered_version: number }> = await t.db.query(
      `SELECT delivered_version FROM system_link WHERE system = $1 AND subject_id = $2`,
      [system, id],
    );
    const rows: Array<{ version: number; status: string }> = await t.db.query(
      `SELECT version, status FROM delivery WHERE system = $1 AND subject_id = $2 ORDER BY version`,
      [system, id],
    );
    return {
      delivered: link.delivered_version,
      rows: Object.fromEntries(rows.map((r) => [r.version, r.status])),
    };
  }

  it('confirms the open rows up to the version the link holds, and no later ones', async () => {
    const id = await heldAt(3, { 2: 'pending', 3: 'sent', 4: 'pending' });
    await ledger.confirmHeld(system, 'resident', id);
    expect(await state(id)).toEqual({ delivered: 3, rows: { 2: 'confirmed', 3: 'confirmed', 4: 'pending' } });
  });

  it('a resend committed after the delivery read the link stays owed', async () => {
    const id = await heldAt(3, { 3: 'sent' });
    const readBefore = await ledger.link(system, 'resident', id);
    expect(readBefore?.deliveredVersion).toBe(3);
    await ledger.reopen([system], { type: 'resident', id, version: 3 });
    await ledger.confirmHeld(system, 'resident', id);
    expect(await state(id)).toEqual({ delivered: 0, rows: { 3: 'pending' } });
    expect(await ledger.hasOpen(system, 'resident', id)).toBe(true);
  });

  it('a confirmation waiting on a resend still in its transaction sees the reset once it commits', async () => {
    const id = await heldAt(3, { 3: 'sent' });
    const runner = t.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await new LedgerService(runner.manager).reopen([system], { type: 'resident', id, version: 3 });
      let settled = false;
      const confirming = ledger.confirmHeld(system, 'resident', id).then(() => (settled = true));
      await new Promise((r) => setTimeout(r, 300));
      // The link row is locked by the resend: the confirmation waits for it.
      expect(settled).toBe(false);
      await runner.commitTransaction();
      await confirming;
    } finally {
      await runner.release();
    }
    expect(await state(id)).toEqual({ delivered: 0, rows: { 3: 'pending' } });
  });

  it('a resend to a system with no row for the current version opens one', async () => {
    const id = await heldAt(2, { 2: 'confirmed' });
    await ledger.reopen([system, 'employment'], { type: 'resident', id, version: 2 });
    const rows: Array<{ system: string; status: string }> = await t.db.query(
      `SELECT system, status FROM delivery WHERE subject_id = $1 AND version = 2 ORDER BY system`,
      [id],
    );
    expect(rows).toEqual([
      { system: 'employment', status: 'pending' },
      { system: 'public-health', status: 'pending' },
    ]);
    expect((await state(id)).delivered).toBe(0);
  });
});
