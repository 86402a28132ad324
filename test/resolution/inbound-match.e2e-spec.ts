import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { makeCitizenId } from '@hub/domain';
import { CONNECTORS, InboundPoller, type ConnectorRegistry } from '@hub/delivery';
import { generateCity } from '@hub/generator';
import { derivedGoldenId, ResolverService } from '@hub/resolution';
import {
  ImportService,
  InboundMatcher,
  noInboundMatches,
  type InboundMatchCounts,
} from '@hub/resolution/departments';
import { startSimulator, type RunningSimulator } from '../simulator/support';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { hubContext } from './hub-context';

const SYSTEM = 'public-health';
/** The archive system's static bearer token (departments.md, public-health). */
const AUTH = { authorization: 'Bearer hub-health-token' };

interface Golden {
  id: string;
  id_number: string | null;
  name: string;
  gender: string;
  birth_date: string;
  phone: string | null;
}

/**
 * A department opens records on its own after the import; the hub reads them from the
 * department's change feed (FHIR, over the network, against the simulator) and matches each
 * against the golden records at once, without a full re-run.
 */
describe('inbound department records are matched against the golden records as they arrive', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-inbound-'));
  let sim: RunningSimulator;
  let database: TestDatabase;
  let hub: INestApplicationContext;
  /** Golden records a test already used: each test gets a person of its own. */
  const used: string[] = [];

  beforeAll(async () => {
    await generateCity({ people: 400, seed: 11, outDir: dir });
    sim = await startSimulator('inbound', { SIM_SEED_DIR: dir });
    database = await createTestDatabase('inbound');
    hub = await hubContext(database, sim);
    await hub.get(ImportService).importAll();
    await hub.get(ResolverService).resolve();
  }, 180_000);

  afterAll(async () => {
    await hub?.close();
    await database?.drop();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Reads the feed to its end the way the worker does, matching each page before its cursor moves. */
  async function readFeed(): Promise<InboundMatchCounts> {
    const connector = hub.get<ConnectorRegistry>(CONNECTORS).get(SYSTEM)!;
    const total = noInboundMatches();
    for (let page = 0; page < 20; page++) {
      const read = await hub.get(InboundPoller).poll(connector, async (system, changes) => {
        const counts = await hub.get(InboundMatcher).accept(system, changes);
        for (const [k, n] of Object.entries(counts)) total[k as keyof InboundMatchCounts] += n;
      });
      if (read.applied + read.unchanged + read.held === 0) return total;
    }
    throw new Error('the feed did not run dry');
  }

  async function openArchive(patient: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${sim.urls[SYSTEM]}/fhir/Patient`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Patient', ...patient }),
    });
    expect(res.status).toBe(201);
    return String(((await res.json()) as { id: string }).id);
  }

  const identifier = (idNumber: string) => [{ system: 'urn:cn:resident-id', value: idNumber }];
  const fhirGender = (g: string) => (g === '1' ? 'male' : 'female');

  async function sourceGolden(recordId: string): Promise<string | null> {
    const rows: Array<{ golden_id: string | null }> = await database.db.query(
      `SELECT golden_id FROM source_record WHERE system = $1 AND record_id = $2`,
      [SYSTEM, recordId],
    );
    expect(rows).toHaveLength(1);
    return rows[0].golden_id;
  }

  /**
   * A golden record with a valid ID number (and a phone, unless `outsideArchive`: then one the
   * health archive does not hold yet, as the archive refuses a second record for an ID number).
   */
  async function goldenPerson(outsideArchive = false): Promise<Golden> {
    const rows: Golden[] = await database.db.query(
      `SELECT g.id, g.id_number, g.name, g.gender, g.birth_date, g.phone FROM golden_person g
        WHERE g.status = 'active' AND g.id_number ~ '^\\d{17}[0-9X]$'
          AND g.name IS NOT NULL AND g.gender IN ('1', '2') AND g.birth_date IS NOT NULL
          AND NOT (g.id = ANY($2::uuid[]))
          AND CASE WHEN $3 THEN NOT EXISTS (SELECT 1 FROM source_record s WHERE s.golden_id = g.id AND s.system = $1)
                   ELSE g.phone IS NOT NULL END
          AND substr(g.id_number, 7, 8) = replace(g.birth_date, '-', '')
        ORDER BY g.id LIMIT 1`,
      [SYSTEM, used, outsideArchive],
    );
    expect(rows).toHaveLength(1);
    used.push(rows[0].id);
    return rows[0];
  }

  it('links an archive opened for someone the hub knows to that person’s golden record', async () => {
    const person = await goldenPerson(true);
    const id = await openArchive({
      identifier: identifier(person.id_number!),
      name: [{ text: person.name }],
      gender: fhirGender(person.gender),
      birthDate: person.birth_date,
    });
    const counts = await readFeed();
    // The feed's first read also brings back every archive record the import staged: unchanged.
    expect(counts).toMatchObject({ linked: 1, new: 0, review: 0, refreshed: 0 });
    expect(counts.unchanged).toBeGreaterThan(100);
    expect(await sourceGolden(id)).toBe(person.id);
    const history: unknown[] = await database.db.query(
      `SELECT 1 FROM golden_history WHERE golden_id = $1 AND action = 'linked' AND detail->>'recordId' = $2`,
      [person.id, id],
    );
    expect(history).toHaveLength(1);
  });

  it('gives someone new a golden record of their own, with the id a full re-run would give', async () => {
    const idNumber = makeCitizenId('320402', '1955-03-04', 991);
    const before: unknown[] = await database.db.query(`SELECT 1 FROM golden_person WHERE id_number = $1`, [
      idNumber,
    ]);
    expect(before).toHaveLength(0);
    const id = await openArchive({
      identifier: identifier(idNumber),
      name: [{ text: '欧阳震华' }],
      gender: 'male',
      birthDate: '1955-03-04',
    });
    expect(await readFeed()).toMatchObject({ new: 1, linked: 0 });
    const golden = await sourceGolden(id);
    expect(golden).toBe(derivedGoldenId(`${SYSTEM}/${id}`));
    const [row]: Array<{ name: string; id_number: string }> = await database.db.query(
      `SELECT name, id_number FROM golden_person WHERE id = $1 AND status = 'active'`,
      [golden],
    );
    expect(row).toEqual({ name: '欧阳震华', id_number: idNumber });

    // Read again: nothing new. The same record seen again changes nothing.
    expect(await readFeed()).toMatchObject({ linked: 0, new: 0, review: 0, refreshed: 0 });
    const [{ goldens }]: Array<{ goldens: number }> = await database.db.query(
      `SELECT count(*)::int AS goldens FROM golden_person WHERE status = 'active'`,
    );
    const counts = await hub
      .get(InboundMatcher)
      .accept(SYSTEM, [{ externalId: id, idNumber, fields: { name: '欧阳震华' }, changedAt: '' }]);
    expect(counts.unchanged).toBe(1);
    const [{ after }]: Array<{ after: number }> = await database.db.query(
      `SELECT count(*)::int AS after FROM golden_person WHERE status = 'active'`,
    );
    expect(after).toBe(goldens);
  });

  it('never links two different valid ID numbers, however alike the rest', async () => {
    const other = await goldenPerson();
    // Same name, birth date, gender and phone as `other`, but an ID number of its own.
    const sequence = other.gender === '1' ? 997 : 996;
    const idNumber = makeCitizenId(other.id_number!.slice(0, 6), other.birth_date, sequence);
    expect(idNumber).not.toBe(other.id_number);
    const id = await openArchive({
      identifier: identifier(idNumber),
      name: [{ text: other.name }],
      gender: fhirGender(other.gender),
      birthDate: other.birth_date,
      telecom: [{ system: 'phone', value: other.phone }],
    });
    const counts = await readFeed();
    expect(counts.linked).toBe(0);
    expect(await sourceGolden(id)).not.toBe(other.id);
  });

  it('keeps a record apart from a person staff kept it apart from', async () => {
    const person = await goldenPerson();
    const [member]: Array<{ system: string; record_id: string }> = await database.db.query(
      `SELECT system, record_id FROM source_record WHERE golden_id = $1 ORDER BY system, record_id LIMIT 1`,
      [person.id],
    );
    // No ID number: name, birth date, gender and phone agree, which alone would link or propose it.
    const id = await openArchive({
      name: [{ text: person.name }],
      gender: fhirGender(person.gender),
      birthDate: person.birth_date,
      telecom: [{ system: 'phone', value: person.phone }],
    });
    await database.db.query(
      `INSERT INTO match_decision (kind, a_system, a_record_id, b_system, b_record_id, decided_by)
       VALUES ('keep_apart', $1, $2, $3, $4, 'test')`,
      [SYSTEM, id, member.system, member.record_id],
    );
    const counts = await readFeed();
    expect(counts.linked + counts.review).toBe(0);
    expect(await sourceGolden(id)).not.toBe(person.id);
  });

  it('links or proposes for review a record without an ID number that agrees on everything else', async () => {
    const person = await goldenPerson();
    const id = await openArchive({
      name: [{ text: person.name }],
      gender: fhirGender(person.gender),
      birthDate: person.birth_date,
      telecom: [{ system: 'phone', value: person.phone }],
    });
    const counts = await readFeed();
    expect(counts.linked + counts.review).toBe(1);
    // Linked: its golden record is the person's. Proposed: the pending pair's other side is theirs.
    const partners: Array<{ golden_id: string }> = await database.db.query(
      `SELECT b.golden_id FROM match_review r
         JOIN source_record a ON a.id IN (r.a_record, r.b_record)
         JOIN source_record b ON b.id IN (r.a_record, r.b_record) AND b.id <> a.id
        WHERE r.status = 'pending' AND a.system = $1 AND a.record_id = $2`,
      [SYSTEM, id],
    );
    const matchedTo = counts.linked === 1 ? [await sourceGolden(id)] : partners.map((p) => p.golden_id);
    expect(matchedTo).toEqual([person.id]);
  });

  it('refreshes the golden record when the department changes a record already linked', async () => {
    const idNumber = makeCitizenId('320402', '1961-07-08', 993);
    const id = await openArchive({
      identifier: identifier(idNumber),
      name: [{ text: '司马青衫' }],
      gender: 'male',
      birthDate: '1961-07-08',
    });
    await readFeed();
    const golden = await sourceGolden(id);
    const current = await fetch(`${sim.urls[SYSTEM]}/fhir/Patient/${id}`, { headers: AUTH });
    const patient = (await current.json()) as { meta: { versionId: string } };
    const put = await fetch(`${sim.urls[SYSTEM]}/fhir/Patient/${id}`, {
      method: 'PUT',
      headers: {
        ...AUTH,
        'content-type': 'application/fhir+json',
        'if-match': `W/"${patient.meta.versionId}"`,
      },
      body: JSON.stringify({
        resourceType: 'Patient',
        id,
        identifier: identifier(idNumber),
        name: [{ text: '司马青衫' }],
        gender: 'male',
        birthDate: '1961-07-08',
        telecom: [{ system: 'phone', value: '13951234567' }],
      }),
    });
    expect(put.status).toBe(200);
    expect(await readFeed()).toMatchObject({ refreshed: 1, new: 0, linked: 0 });
    expect(await sourceGolden(id)).toBe(golden);
    const [row]: Array<{ phone: string }> = await database.db.query(
      `SELECT phone FROM golden_person WHERE id = $1`,
      [golden],
    );
    expect(row.phone).toBe('13951234567');
  });
});
