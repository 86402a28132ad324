import { householdSnapshot, residentSnapshot } from '../testing/snapshots';
import events from './fixtures/ok/events-reply.json';
import { endStatusOf, fromGridEvent, toGridHouse, toGridPerson } from './grid-governance.mapping';
import type { GridEvent } from './grid-governance.types';

const on = new Date('2026-11-27T10:00:00+08:00');

describe(toGridPerson.name, () => {
  it('sends exactly the listed fields, codes translated', () => {
    const resident = residentSnapshot({ ethnicity: '03', registrationType: 'floating' });
    const sut = toGridPerson(resident, on, 'normal', 'P1');
    expect(Object.keys(sut).sort()).toEqual(
      [
        'personId',
        'gridCode',
        'name',
        'idNo',
        'sex',
        'birthday',
        'nation',
        'phone',
        'houseAddress',
        'personType',
        'focusTags',
        'status',
      ].sort(),
    );
    expect(sut).toEqual({
      personId: 'P1',
      gridCode: '320402002001001',
      name: '王建国',
      idNo: resident.idNumber,
      sex: '男',
      birthday: '1964-03-15',
      nation: '回族',
      phone: '13812345678',
      houseAddress: '青龙苑3幢2单元501室',
      personType: '流动',
      focusTags: [],
      status: 'normal',
    });
  });

  it.each([
    ['registered', '户籍'],
    ['floating', '流动'],
    ['overseas', '境外'],
  ] as const)('translates registration type %s to %s', (registrationType, personType) => {
    expect(toGridPerson(residentSnapshot({ registrationType }), on, 'normal').personType).toBe(personType);
  });

  it('sends a person without ID number with an empty idNo, and leaves out what it does not know', () => {
    const sut = toGridPerson(
      residentSnapshot({ idNumber: null, gender: '0', phone: null, ethnicity: '00' }),
      on,
      'normal',
    );
    expect(sut.idNo).toBe('');
    expect(Object.keys(sut).sort()).toEqual([
      'birthday',
      'focusTags',
      'gridCode',
      'houseAddress',
      'idNo',
      'name',
      'personType',
      'status',
    ]);
  });

  it('ends the dead as deceased and the moved-out as left', () => {
    expect(endStatusOf(residentSnapshot({ lifeStatus: 'deceased' }))).toBe('deceased');
    expect(endStatusOf(residentSnapshot({ residenceStatus: 'moved_out' }))).toBe('left');
  });
});

describe(toGridHouse.name, () => {
  const household = householdSnapshot();
  const [head, spouse] = household.members;

  it('names head and members by platform ids, leaving out members not yet known', () => {
    const sut = toGridHouse(household, { [head.residentId]: 'P-HEAD' }, 'H1');
    expect(Object.keys(sut).sort()).toEqual([
      'address',
      'gridCode',
      'headPersonId',
      'houseId',
      'memberPersonIds',
    ]);
    expect(sut).toEqual({
      houseId: 'H1',
      gridCode: '320402002001001',
      address: '青龙苑3幢2单元501室',
      headPersonId: 'P-HEAD',
      memberPersonIds: ['P-HEAD'],
    });
    expect(
      toGridHouse(household, { [head.residentId]: 'A', [spouse.residentId]: 'B' }).memberPersonIds,
    ).toEqual(['A', 'B']);
  });

  it('empties a dissolved household', () => {
    const sut = toGridHouse(householdSnapshot({ status: 'dissolved' }), { [head.residentId]: 'A' }, 'H1');
    expect(sut).toEqual({
      houseId: 'H1',
      gridCode: '320402002001001',
      address: '青龙苑3幢2单元501室',
      headPersonId: '',
      memberPersonIds: [],
    });
  });
});

describe(fromGridEvent.name, () => {
  const [phoneChanged, left, deceased, newTenant] = events.events as GridEvent[];

  it('reads a phone change as the phone only', () => {
    expect(fromGridEvent(phoneChanged)).toEqual({
      externalId: '236c291ed9254681acab0d2b3cc6f337',
      idNumber: '320402196403150131',
      fields: { phone: '13999999999' },
      changedAt: '2026-11-27T05:40:12.531Z',
    });
  });

  it('reads a move away and a death as statuses', () => {
    expect(fromGridEvent(left)?.fields).toEqual({ residenceStatus: 'moved_out' });
    expect(fromGridEvent(deceased)?.fields).toEqual({ lifeStatus: 'deceased' });
  });

  it('reads a new tenant as an unknown subject with what the worker wrote down', () => {
    expect(fromGridEvent(newTenant)).toEqual({
      externalId: '783118fa47c6428094c732247a36b7b1',
      idNumber: null,
      fields: {
        name: '新租',
        birthDate: '1990-01-01',
        gender: '2',
        ethnicity: '03',
        phone: '13812345678',
        registrationType: 'floating',
      },
      changedAt: '2026-11-27T05:40:12.661Z',
    });
  });

  it('skips an event that carries no person', () => {
    expect(fromGridEvent({ eventId: '9', type: 'HOUSE_UPDATED', occurredAt: '' })).toBeNull();
  });
});
