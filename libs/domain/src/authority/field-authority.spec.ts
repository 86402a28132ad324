import { acceptedFields, HOUSEHOLD_FIELD_AUTHORITY, RESIDENT_FIELD_AUTHORITY } from './field-authority';

describe(acceptedFields.name, () => {
  const never = (): undefined => undefined;

  it('lets the police set identity and death, but not a disability', () => {
    const sut = acceptedFields(
      RESIDENT_FIELD_AUTHORITY,
      'police-population',
      { name: '王建国', lifeStatus: 'deceased', deathDate: '2026-11-01', disabilityGrade: '1' },
      never,
      '2026-11-02T00:00:00Z',
    );
    expect(sut).toEqual({ name: '王建国', lifeStatus: 'deceased', deathDate: '2026-11-01' });
  });

  it('applies a grid worker’s newer phone and ignores an older one', () => {
    const setAt = (field: string): string | undefined =>
      field === 'phone' ? '2026-11-10T00:00:00Z' : undefined;
    expect(
      acceptedFields(
        RESIDENT_FIELD_AUTHORITY,
        'grid-governance',
        { phone: '13900000000' },
        setAt,
        '2026-11-11T00:00:00Z',
      ),
    ).toEqual({
      phone: '13900000000',
    });
    expect(
      acceptedFields(
        RESIDENT_FIELD_AUTHORITY,
        'grid-governance',
        { phone: '13900000000' },
        setAt,
        '2026-11-09T00:00:00Z',
      ),
    ).toEqual({});
  });

  it('keeps 低保 to civil-assistance', () => {
    const fields = { assistanceType: 'dibao', assistanceAmount: '900.00' };
    expect(acceptedFields(HOUSEHOLD_FIELD_AUTHORITY, 'civil-assistance', fields, never, 'x')).toEqual(fields);
    expect(acceptedFields(HOUSEHOLD_FIELD_AUTHORITY, 'grid-governance', fields, never, 'x')).toEqual({});
  });

  it('ignores fields the record does not have', () => {
    expect(
      acceptedFields(RESIDENT_FIELD_AUTHORITY, 'police-population', { shoeSize: 42 }, never, 'x'),
    ).toEqual({});
  });
});
