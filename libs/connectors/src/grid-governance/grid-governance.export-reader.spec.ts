import { ISSUE_DAY, issueHousehold, issueResidents } from '../testing/issue-household';
import { standInDepartment } from '../testing/stand-in-department';
import type { Connector } from '../common';
import housesPage from './fixtures/ok/export-houses.json';
import personsPage from './fixtures/ok/export-persons.json';
import { createGridGovernanceConnector } from './grid-governance.connector';
import { createGridExportReader, hubFlatAddress } from './grid-governance.export-reader';

type Json = Record<string, unknown>;

/** What a reconciler does: compare the keys both sides state; values trimmed, arrays as JSON. */
function differences(mapped: Json, exported: Json): string[] {
  const plain = (v: unknown) =>
    typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '').trim();
  return Object.keys(mapped)
    .filter((key) => key in exported)
    .filter((key) => plain(mapped[key]) !== plain(exported[key]));
}

/** The platform's export endpoints, answering with the fixture pages. */
async function platform(): Promise<{ sut: Connector; close: () => Promise<void> }> {
  const server = await standInDepartment(({ url }) => ({
    body: url.startsWith('/api/v2/houses') ? housesPage : personsPage,
  }));
  const sut = createGridGovernanceConnector({ baseUrl: server.url, token: 't', minCallIntervalMs: 0 });
  return { sut, close: server.close };
}

describe('grid-governance export reader', () => {
  let sut: Connector;
  let close: () => Promise<void>;
  const records: Json[] = [];

  beforeAll(async () => {
    ({ sut, close } = await platform());
    for await (const record of sut.exportAll()) records.push(record);
  });
  afterAll(() => close());

  const reader = () => sut.exportReader!;
  const [head, spouse, left, deceased, floating] = personsPage.persons;
  const [house, dissolved] = housesPage.houses;

  it('identifies persons and then houses, in the order exportAll yields them', () => {
    expect(records).toHaveLength(7);
    expect(records.map((r) => reader().identify(r))).toEqual([
      {
        externalId: head.personId,
        idNumber: issueResidents.head.idNumber,
        active: true,
        subjectType: 'resident',
      },
      {
        externalId: spouse.personId,
        idNumber: issueResidents.spouse.idNumber,
        active: true,
        subjectType: 'resident',
      },
      { externalId: left.personId, idNumber: '320402197508200144', active: false, subjectType: 'resident' },
      {
        externalId: deceased.personId,
        idNumber: '320402198811110357',
        active: false,
        subjectType: 'resident',
      },
      { externalId: floating.personId, idNumber: null, active: true, subjectType: 'resident' },
      // A house is the head's: his ID number, learnt from his person record above.
      {
        externalId: house.houseId,
        idNumber: issueResidents.head.idNumber,
        active: true,
        subjectType: 'household',
      },
      // Dissolved: the hub sends such a house with no head and no members.
      { externalId: dissolved.houseId, idNumber: null, active: false, subjectType: 'household' },
    ]);
  });

  it('reads persons in the shape map() produces, with no false differences', () => {
    for (const [resident, record] of [
      [issueResidents.head, head],
      [issueResidents.spouse, spouse],
    ] as const) {
      const mapped = sut.map(resident, ISSUE_DAY);
      const comparable = reader().comparable(record);
      expect(differences(mapped, comparable)).toEqual([]);
      // Every field but the platform's id and status is compared.
      expect(Object.keys(comparable).sort()).toEqual(
        Object.keys(mapped)
          .filter((key) => key !== 'status')
          .sort(),
      );
    }
    // A tag only grid workers set (退役军人) is not the hub's to state.
    expect(reader().comparable(head).focusTags).toEqual(['空巢老人', '残疾人', '低保户']);
  });

  it('shows a changed phone, a wrong name and a lost tag as differences', () => {
    const mapped = sut.map(issueResidents.head, ISSUE_DAY);
    const changed = reader().comparable({
      ...head,
      phone: '13900001111',
      name: '王建军',
      focusTags: ['低保户'],
    });
    expect(differences(mapped, changed)).toEqual(['name', 'focusTags', 'phone']);
    expect(differences(mapped, reader().comparable({ ...head, phone: '' }))).toEqual(['phone']);
  });

  it('reads a house in the shape map() gives a household, its member ids left out', () => {
    const mapped = sut.map(issueHousehold, ISSUE_DAY);
    expect(reader().comparable(house)).toEqual({
      gridCode: '320402002001001',
      address: '青龙苑3幢2单元501室',
    });
    expect(differences(mapped, reader().comparable(house))).toEqual([]);
    expect(differences(mapped, reader().comparable({ ...house, address: '青龙苑3-2-502' }))).toEqual([
      'address',
    ]);
  });

  it('gives a house whose head it has not seen no ID number (match it by houseId)', () => {
    expect(createGridExportReader().identify(house)).toEqual({
      externalId: house.houseId,
      idNumber: null,
      active: true,
      subjectType: 'household',
    });
  });
});

describe(hubFlatAddress.name, () => {
  it.each([
    ['青龙苑3-2-501', '青龙苑3幢2单元501室'],
    ['青龙苑3栋2单元501', '青龙苑3幢2单元501室'],
    ['青龙苑３幢２单元５０１室', '青龙苑3幢2单元501室'],
    ['青龙苑12号楼501', '青龙苑12幢501室'],
    ['延陵西路99号', '延陵西路99号'],
  ])('%s → %s', (typed, hub) => expect(hubFlatAddress(typed)).toBe(hub));
});
