import fc from 'fast-check';
import { parseAddress } from './address';

type Parts = [
  district: string | null,
  street: string | null,
  estate: string | null,
  ...flat: Array<string | null>,
];

const partsOf = (raw: string): Parts => {
  const a = parseAddress(raw);
  return a
    ? [a.district, a.street, a.estate, a.building, a.unit, a.room]
    : [null, null, null, null, null, null];
};

describe(parseAddress.name, () => {
  it.each<[string, Parts]>([
    ['江苏省常州市天宁区青龙街道青龙苑3幢2单元501室', ['天宁区', '青龙街道', '青龙苑', '3', '2', '501']],
    ['常州市天宁区青龙街道青龙苑3幢2单元501室', ['天宁区', '青龙街道', '青龙苑', '3', '2', '501']],
    ['天宁区青龙街道青龙苑3-2-501', ['天宁区', '青龙街道', '青龙苑', '3', '2', '501']],
    ['青龙苑3栋2单元501', [null, null, '青龙苑', '3', '2', '501']],
    ['青龙苑3号楼2单元501室', [null, null, '青龙苑', '3', '2', '501']],
    ['青龙苑3#2单元501', [null, null, '青龙苑', '3', '2', '501']],
    ['青龙苑三幢二单元五〇一室', [null, null, '青龙苑', '3', '2', '501']],
    ['青龙苑十二幢二单元501室', [null, null, '青龙苑', '12', '2', '501']],
    ['青龙苑３幢２单元５０１室', [null, null, '青龙苑', '3', '2', '501']],
    ['青龙苑 3幢 2单元 0501室', [null, null, '青龙苑', '3', '2', '501']],
    ['常州市钟楼区南大街街道怀德苑5-1-301', ['钟楼区', '南大街街道', '怀德苑', '5', '1', '301']],
    ['常州市新北区三井街道河海新村8幢102室', ['新北区', '三井街道', '河海新村', '8', null, '102']],
    ['常州市天宁区茶山街道丽华三村12-1-201', ['天宁区', '茶山街道', '丽华三村', '12', '1', '201']],
    ['常州市钟楼区邹区镇卜弋街12号', ['钟楼区', '邹区镇', '卜弋街12号', null, null, null]],
    ['常州市溧阳市溧城镇燕山路7号', ['溧阳市', '溧城镇', '燕山路7号', null, null, null]],
    ['常州市武进区湖塘镇新华村12号', ['武进区', '湖塘镇', '新华村', '12', null, null]],
    ['江苏省常州市天宁区青果巷12号', ['天宁区', null, '青果巷12号', null, null, null]],
    ['常州市新北区太湖东路9号3幢2单元501室', ['新北区', null, '太湖东路9号', '3', '2', '501']],
    ['青龙街道龙锦路18号3-2-501', [null, '青龙街道', '龙锦路18号', '3', '2', '501']],
    ['龙锦路18号青龙苑3幢2单元501室', [null, null, '青龙苑', '3', '2', '501']],
    ['常州天宁区青龙街道青龙苑社区青龙苑3幢2单元501室', ['天宁区', '青龙街道', '青龙苑', '3', '2', '501']],
    ['兰陵花园3幢', [null, null, '兰陵花园', '3', null, null]],
    ['兰陵花园3幢2单元', [null, null, '兰陵花园', '3', '2', null]],
    ['人民路18号501室', [null, null, '人民路18号', null, null, '501']],
    ['安徽省合肥市蜀山区稻香村街道xx路1号', ['蜀山区', '稻香村街道', 'xx路1号', null, null, null]],
    ['北京市朝阳区建国路88号', ['朝阳区', null, '建国路88号', null, null, null]],
    ['阳光小区3幢101室', [null, null, '阳光小区', '3', null, '101']],
  ])('parses %j', (raw, parts) => {
    expect(partsOf(raw)).toEqual(parts);
  });

  it('keeps the text as written, for display and evidence', () => {
    expect(parseAddress('  青龙苑3-2-501 ')?.text).toBe('青龙苑3-2-501');
  });

  it.each([[''], ['  '], [null], [undefined], [12]])('gives null for %j', (raw) => {
    expect(parseAddress(raw)).toBeNull();
  });

  it('gives the same flat for every way the departments write it', () => {
    const estate = fc.constantFrom('青龙苑', '红梅新村', '兰陵花园', '天宁名都', '丽华三村', '龙锦路18号');
    const prefix = fc.constantFrom('', '常州市天宁区青龙街道', '江苏省常州市天宁区青龙街道', '天宁区');
    const digits = (max: number) => fc.integer({ min: 1, max });
    const styles: Array<(b: number, u: number, r: number) => string> = [
      (b, u, r) => `${b}幢${u}单元${r}室`,
      (b, u, r) => `${b}-${u}-${r}`,
      (b, u, r) => `${b}栋${u}单元${r}`,
      (b, u, r) => `${b}号楼${u}单元${r}室`,
      (b, u, r) => `${toChinese(b)}幢${toChinese(u)}单元${r}室`,
      (b, u, r) => `${b}幢${u}单元${r}室`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
    ];
    fc.assert(
      fc.property(
        prefix,
        estate,
        digits(99),
        digits(9),
        digits(3000),
        fc.constantFrom(...styles),
        (p, e, b, u, r, style) => {
          const parsed = parseAddress(p + e + style(b, u, r));

          expect(parsed).toMatchObject({ estate: e, building: String(b), unit: String(u), room: String(r) });
        },
      ),
    );
  });
});

/** 1-99 in Chinese numerals, as staff write building and unit numbers. */
function toChinese(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digits[tens]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
}
