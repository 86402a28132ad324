import { makeCitizenId } from '@hub/domain';
import { maskEmbeddedIds, shownText } from './embedded-ids';

describe(maskEmbeddedIds.name, () => {
  const id = makeCitizenId('320404', '1964-03-15', 443);

  it('masks an ID number that a record id is built from', () => {
    expect(maskEmbeddedIds(`${id}42`)).toBe(`${id.slice(0, 6)}********${id.slice(14)}42`);
  });

  it('masks ID numbers quoted in a department’s message', () => {
    expect(maskEmbeddedIds(`身份证号${id}已存在`)).toBe(
      `身份证号${id.slice(0, 6)}********${id.slice(14)}已存在`,
    );
  });

  it('leaves record ids and numbers that are not ID numbers alone', () => {
    expect(maskEmbeddedIds('32040200000000001')).toBe('32040200000000001');
    expect(maskEmbeddedIds('RK3204000000000001')).toBe('RK3204000000000001');
    expect(maskEmbeddedIds('320404196403154435')).toBe('320404196403154435');
  });
});

describe(shownText.name, () => {
  it('shows text whole to who sees personal data, and null as null', () => {
    const id = makeCitizenId('320402', '1980-01-01', 11);
    expect(shownText(id, true)).toBe(id);
    expect(shownText(id, false)).not.toBe(id);
    expect(shownText(null, false)).toBeNull();
  });
});
