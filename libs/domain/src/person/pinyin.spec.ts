import { pinyinFull, pinyinInitials } from './pinyin';

describe(pinyinInitials.name, () => {
  it.each([
    ['张伟', 'zw'],
    ['阿依古丽·买买提', 'ayglmmt'],
    ['单田芳', 'stf'],
    ['曾国藩', 'zgf'],
    ['解缙', 'xj'],
    ['吕布', 'lb'],
    ['John Smith', 'js'],
    ['张John', 'zj'],
    ['', ''],
  ])('gives %j the initials %j', (name, initials) => {
    expect(pinyinInitials(name)).toBe(initials);
  });
});

describe(pinyinFull.name, () => {
  it.each([
    ['张伟', 'zhangwei'],
    ['单田芳', 'shantianfang'],
    ['曾国藩', 'zengguofan'],
    ['解缙', 'xiejin'],
    ['吕布', 'lvbu'],
    ['阿依古丽·买买提', 'ayigulimaimaiti'],
    ['John Smith', 'johnsmith'],
  ])('spells %j as %j', (name, full) => {
    expect(pinyinFull(name)).toBe(full);
  });
});
