import { address, preparedPerson } from '../synthetic/source-person.fixture';
import { compareAddresses } from './address.comparator';
import { comparePeople, compareGenders, comparePhones } from './compare';

const at = (estate: string | null, building: string | null, unit: string | null, room: string | null) =>
  preparedPerson({ address: address(estate, building, unit, room) });

describe(compareAddresses.name, () => {
  it.each([
    ['3', '2', '501', 'same-room'],
    ['3', '2', '502', 'same-building'],
    ['3', '1', '501', 'same-building'],
    ['4', '2', '501', 'same-estate'],
  ])('红梅新村 %s-%s-%s vs 红梅新村 3-2-501 is %s', (building, unit, room, level) => {
    expect(compareAddresses(at('红梅新村', '3', '2', '501'), at('红梅新村', building, unit, room))).toBe(
      level,
    );
  });

  it('is different in another estate', () => {
    expect(compareAddresses(at('红梅新村', '3', '2', '501'), at('清潭新村', '3', '2', '501'))).toBe(
      'different',
    );
  });

  it('does not equate estates of the same name in two districts', () => {
    const elsewhere = preparedPerson({
      address: { ...address('幸福小区', '1', '1', '101'), district: '钟楼区' },
    });
    expect(compareAddresses(at('幸福小区', '1', '1', '101'), elsewhere)).toBe('different');
  });

  it('compares unparsed addresses by their whole text, else gives no evidence', () => {
    const unparsed = (text: string) =>
      preparedPerson({
        address: { district: null, street: null, estate: null, building: null, unit: null, room: null, text },
      });
    expect(compareAddresses(unparsed('湖塘镇 马杭村3组'), unparsed('湖塘镇马杭村3组'))).toBe('same-room');
    expect(compareAddresses(unparsed('湖塘镇马杭村3组'), unparsed('湖塘镇马杭村4组'))).toBe('missing');
    expect(compareAddresses(at('红梅新村', '3', '2', '501'), preparedPerson({ address: null }))).toBe(
      'missing',
    );
  });
});

describe(comparePeople.name, () => {
  it('builds the whole vector', () => {
    const a = preparedPerson();
    const b = preparedPerson({ name: '张玮', birthDate: '1985-07-03', phone: null, gender: '1' });
    expect(comparePeople(a, b)).toEqual({
      id: 'equal',
      name: 'same-pinyin',
      birthDate: 'swapped',
      gender: 'equal',
      phone: 'missing',
      address: 'same-room',
    });
  });

  it('compares genders and phones as equal, different or missing', () => {
    expect(compareGenders(preparedPerson({ gender: '1' }), preparedPerson({ gender: '2' }))).toBe(
      'different',
    );
    expect(compareGenders(preparedPerson({ gender: null }), preparedPerson())).toBe('missing');
    expect(comparePhones(preparedPerson({ phone: '13900000000' }), preparedPerson())).toBe('different');
    expect(comparePhones(preparedPerson(), preparedPerson())).toBe('equal');
  });
});
