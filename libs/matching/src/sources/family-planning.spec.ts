import { toSourcePersons as sut } from './family-planning';

/** A `t_rk_jbxx` row as the exchange reader gives it (all text; `znsl` a number). */
const row = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  rkbh: 'RK3204000000000001',
  xm: '王丽',
  sfzh: '320402199003120244',
  xb: '2',
  csrq: '1990-03-12',
  hyzk: '20',
  pobsfzh: '320402198807050136',
  znsl: 2,
  hh: '320402101',
  gxsj: '2025-03-14 09:12:33',
  ...overrides,
});

describe('family-planning toSourcePersons', () => {
  it('reads a married woman with her spouse’s ID number', () => {
    expect(sut(row())).toEqual([
      {
        system: 'family-planning',
        recordId: 'RK3204000000000001',
        idNumberRaw: '320402199003120244',
        idNumber: '320402199003120244',
        idValid: true,
        name: '王丽',
        gender: '2',
        birthDate: '1990-03-12',
        phone: null,
        address: null,
        attributes: {
          maritalStatus: '20',
          householdNo: '320402101',
          status: 'active',
          spouseIdNumber: '320402198807050136',
        },
      },
    ]);
  });

  it('drops a spouse ID number that is the person’s own', () => {
    const [person] = sut(row({ sfzh: '32040419950918028X', pobsfzh: '32040419950918028x' }));

    expect(person.attributes.spouseIdNumber).toBeNull();
  });

  it('keeps a mistyped spouse ID number normalised, and no spouse as null', () => {
    expect(sut(row({ pobsfzh: '３２０４０２１９８８０７０５０１３７' }))[0].attributes.spouseIdNumber).toBe(
      '320402198807050137',
    );
    expect(sut(row({ pobsfzh: null }))[0].attributes.spouseIdNumber).toBeNull();
    expect(sut(row({ pobsfzh: '不详' }))[0].attributes.spouseIdNumber).toBeNull();
  });

  it('reads 90 “not stated” and unknown marital codes as nothing stated', () => {
    expect(sut(row({ hyzk: '90' }))[0].attributes.maritalStatus).toBeNull();
    expect(sut(row({ hyzk: '55' }))[0].attributes.maritalStatus).toBeNull();
  });

  it('reads a child with a lower-case x in the ID number', () => {
    const [child] = sut(
      row({ xm: '王小雨', sfzh: '32040220220310004x', csrq: '2022-03-10', hyzk: '10', pobsfzh: '' }),
    );

    expect(child).toMatchObject({ idNumber: '32040220220310004X', idValid: true, birthDate: '2022-03-10' });
  });
});
