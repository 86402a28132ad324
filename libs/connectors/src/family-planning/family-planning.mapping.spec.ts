import { makeCitizenId } from '@hub/domain';
import { residentSnapshot } from '../testing/snapshots';
import masterRow from './fixtures/ok/master-row.json';
import { familyPlanningExportReader, fromMasterRow, toFamilyPlanningPerson } from './family-planning.mapping';

describe(toFamilyPlanningPerson.name, () => {
  const wifeId = makeCitizenId('320402', '1990-03-02', 22);
  const sut = toFamilyPlanningPerson;

  it('sends exactly the fields the spec lists, nothing else', () => {
    const person = sut(residentSnapshot({ spouseIdNumber: wifeId, childrenCount: 2 }));
    expect(Object.keys(person).sort()).toEqual(['csrq', 'hh', 'hyzk', 'pobsfzh', 'sfzh', 'xb', 'xm', 'znsl']);
  });

  it('keeps the standard codes and formats the department uses', () => {
    const resident = residentSnapshot({ spouseIdNumber: wifeId, childrenCount: 2 });
    expect(sut(resident)).toEqual({
      xm: '王建国',
      sfzh: resident.idNumber,
      xb: '1',
      csrq: '1964-03-15',
      hyzk: '20',
      pobsfzh: wifeId,
      znsl: 2,
      hh: '320402123',
    });
  });

  it('states an unknown marital status as 90 and a missing household as null', () => {
    const person = sut(residentSnapshot({ maritalStatus: null, household: null }));
    expect(person.hyzk).toBe('90');
    expect(person.hh).toBeNull();
  });

  it('normalises ID numbers and never repeats the own number as the spouse number', () => {
    const own = makeCitizenId('320402', '1990-01-01', 11);
    const lower = own.toLowerCase().replace('X', 'x');
    const person = sut(residentSnapshot({ idNumber: ` ${lower}`, spouseIdNumber: own }));
    expect(person.sfzh).toBe(own);
    expect(person.pobsfzh).toBeNull();
  });

  it('sends no spouse number when there is none', () => {
    expect(sut(residentSnapshot({ spouseIdNumber: null })).pobsfzh).toBeNull();
  });
});

describe(fromMasterRow.name, () => {
  it('states a clinic-registered birth in unified-record names, normalised', () => {
    expect(fromMasterRow(masterRow)).toEqual({
      externalId: 'RK3204020000456',
      idNumber: '32040220220310004X',
      fields: {
        name: '王小雨',
        idNumber: '32040220220310004X',
        gender: '2',
        birthDate: '2022-03-10',
        householdNo: '320402123',
      },
      changedAt: '2025-06-14T09:30:12+08:00',
    });
  });

  it('never passes on the spouse number or the children count, and keeps a stated marital status', () => {
    const change = fromMasterRow({ ...masterRow, hyzk: '20', pobsfzh: '320402199001010011', znsl: 3 });
    expect(Object.keys(change.fields).sort()).toEqual([
      'birthDate',
      'gender',
      'householdNo',
      'idNumber',
      'maritalStatus',
      'name',
    ]);
    expect(change.fields.maritalStatus).toBe('20');
  });

  it('drops an undocumented gender code and a fractional change time', () => {
    const change = fromMasterRow({ ...masterRow, xb: '男', gxsj: '2025-06-14 09:30:12.345678' });
    expect(change.fields).not.toHaveProperty('gender');
    expect(change.changedAt).toBe('2025-06-14T09:30:12+08:00');
  });
});

describe('familyPlanningExportReader', () => {
  it('reads a master row back in the shape map() produces', () => {
    const resident = residentSnapshot({ childrenCount: 2 });
    const person = toFamilyPlanningPerson(resident);
    const row = { ...person, rkbh: 'RK1', znsl: String(person.znsl), gxsj: '2025-06-14 09:30:12' };
    expect(familyPlanningExportReader.comparable(row)).toEqual(person);
    expect(familyPlanningExportReader.identify(row)).toEqual({
      externalId: 'RK1',
      idNumber: resident.idNumber,
      active: true,
    });
  });
});
