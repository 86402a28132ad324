import { makeCitizenId } from '@hub/domain';
import { blockingKeys, candidatePairs } from './blocking';
import { prepareAll } from './prepared-person';
import { sourcePerson } from './synthetic/source-person.fixture';

const ID = makeCitizenId('320402', '1985-03-07', 123);

describe(blockingKeys.name, () => {
  it('gives one key per pass, prefixed with the pass name', () => {
    expect(blockingKeys(sourcePerson({ idNumber: ID, name: '张伟', birthDate: '1985-03-07' }))).toEqual([
      `id:${ID}`,
      `id-birth:${ID.slice(0, 14)}`,
      `id-tail:${ID.slice(6)}`,
      'pinyin-year:zhangwei|1985',
      'name-birthday:张伟|3-7',
      'phone:13912345678',
      'address:红梅新村|3|2|501|zhang',
    ]);
  });

  it('puts homophones born the same year in one pinyin block', () => {
    const keys = (name: string) => blockingKeys(sourcePerson({ name, idNumber: null }));
    expect(keys('张玮')).toContain(keys('张伟').find((key) => key.startsWith('pinyin-year:')));
  });

  it('puts a record with day and month swapped in the same name-birthday block', () => {
    const key = (birthDate: string) =>
      blockingKeys(sourcePerson({ birthDate })).find((k) => k.startsWith('name-birthday:'));
    expect(key('1985-07-03')).toBe(key('1985-03-07'));
  });

  it('leaves out passes whose fields are absent', () => {
    const keys = blockingKeys(
      sourcePerson({ idNumber: null, phone: null, address: null, birthDate: '1985-03-00' }),
    );
    expect(keys).toEqual(['pinyin-year:zhangwei|1985']);
  });
});

describe(candidatePairs.name, () => {
  it('lists each pair once, whichever passes found it', () => {
    const people = prepareAll([
      sourcePerson(),
      sourcePerson(),
      sourcePerson({ idNumber: null, phone: null, address: null }),
    ]);
    const sut = candidatePairs(people);
    const pairs = Array.from(sut.left, (a, k) => [a, sut.right[k]]);
    expect(pairs.sort()).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
  });

  it('skips a block larger than the cap for that pass only', () => {
    // Five people behind one switchboard number; two of them also share an ID number.
    const people = prepareAll([
      ...Array.from({ length: 3 }, (_, i) =>
        sourcePerson({ idNumber: null, name: `钱${'一二三'[i]}`, address: null }),
      ),
      ...Array.from({ length: 2 }, () => sourcePerson({ idNumber: ID, name: '赵四', address: null })),
    ]);
    const sut = candidatePairs(people, { maxBlockSize: 4 });
    expect(sut.skippedBlocks.phone).toBe(1);
    expect(Array.from(sut.left, (a, k) => [a, sut.right[k]])).toEqual([[3, 4]]);
  });
});
