import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCitizenId } from '@hub/domain';
import { issueResidents, ISSUE_DAY } from '../testing/issue-household';
import { residentSnapshot } from '../testing/snapshots';
import { standInDepartment } from '../testing/stand-in-department';
import { createPolicePopulationConnector } from './police-population.connector';
import { policePopulationExportReader as sut } from './police-population.export-reader';

const fixture = (path: string): string => readFileSync(join(__dirname, 'fixtures', path), 'utf8');

/** The reconciler's rule: keys both sides carry, compared as trimmed text. */
function differences(mapped: Record<string, unknown>, comparable: Record<string, unknown>): string[] {
  const text = (value: unknown) => String(value ?? '').trim();
  return Object.keys(mapped)
    .filter((key) => key in comparable)
    .filter((key) => text(mapped[key]) !== text(comparable[key]));
}

/** Serves the WSDL and answers QueryRyxx with the recorded export, so records are read as exportAll yields them. */
async function exportedRecords(): Promise<Array<Record<string, unknown>>> {
  const server = await standInDepartment(({ url }) => ({
    headers: { 'content-type': 'text/xml; charset=utf-8' },
    body: fixture(url.endsWith('?wsdl') ? 'ok/rkxx-service.wsdl' : 'ok/export-query-ryxx.xml'),
  }));
  try {
    const connector = createPolicePopulationConnector({
      baseUrl: server.url,
      username: 'hub',
      password: 'hub-police-secret',
    });
    const records: Array<Record<string, unknown>> = [];
    for await (const record of connector.exportAll()) records.push(record);
    return records;
  } finally {
    await server.close();
  }
}

const connector = createPolicePopulationConnector({
  baseUrl: 'http://127.0.0.1:1',
  username: 'u',
  password: 'p',
});
const floating = residentSnapshot({
  name: '张丽',
  gender: '2',
  birthDate: '1988-07-12',
  idNumber: makeCitizenId('320402', '1988-07-12', 2),
  registrationType: 'floating',
  household: null,
  phone: null,
  registeredAddress: null,
});

describe('policePopulationExportReader', () => {
  let head: Record<string, unknown>;
  let dead: Record<string, unknown>;
  let tenant: Record<string, unknown>;

  beforeAll(async () => {
    [head, dead, tenant] = await exportedRecords();
  });

  it('is the connector’s export reader', () => {
    expect(connector.exportReader).toBe(sut);
  });

  it('reads back what map() sends, key by key, for the issue household’s head', () => {
    const mapped = connector.map(issueResidents.head, ISSUE_DAY);
    const comparable = sut.comparable(head);
    expect(differences(mapped, comparable)).toEqual([]);
    // Everything but ZT (status: identify's) is compared; the department's RYBH and BGSJ are not.
    expect(Object.keys(mapped).filter((key) => key in comparable)).toHaveLength(
      Object.keys(mapped).length - 1,
    );
    expect(comparable).not.toHaveProperty('RYBH');
    expect(comparable).not.toHaveProperty('BGSJ');
    expect(comparable).not.toHaveProperty('ZT');
  });

  it('shows a changed phone and a corrected name as differences', () => {
    const changed = { ...issueResidents.head, phone: '13900001111', name: '王建华' };
    expect(differences(connector.map(changed, ISSUE_DAY), sut.comparable(head)).sort()).toEqual([
      'LXDH',
      'XM',
    ]);
  });

  it('finds no false differences where the police hold nothing (empty elements)', () => {
    const comparable = sut.comparable(tenant);
    expect(differences(connector.map(floating, ISSUE_DAY), comparable)).toEqual([]);
    expect(comparable).toMatchObject({ HH: null, YHZGX: null, HJDZ: null, LXDH: null });
    // A phone the hub has and the police lack is a real difference.
    expect(differences(connector.map({ ...floating, phone: '13812345678' }, ISSUE_DAY), comparable)).toEqual([
      'LXDH',
    ]);
  });

  it('compares a legacy 15-digit number on its 18-digit form', () => {
    const mapped = connector.map(residentSnapshot(), ISSUE_DAY);
    expect(sut.comparable(dead).GMSFHM).toBe('320402196403150131');
    expect(differences(mapped, sut.comparable(dead))).toEqual([]);
  });

  it('identifies a current person and a dead one (ZT 1)', () => {
    expect(sut.identify(head)).toEqual({
      externalId: 'R32040200000001',
      idNumber: issueResidents.head.idNumber,
      active: true,
    });
    expect(sut.identify(dead)).toEqual({
      externalId: 'R32040200000002',
      idNumber: '320402196403150131',
      active: false,
    });
    expect(sut.identify({ ...head, ZT: '2' }).active).toBe(false);
  });
});
