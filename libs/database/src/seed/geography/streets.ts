/**
 * Township-level divisions (街道 / 镇) of 常州市.
 *
 * Codes and names follow the National Bureau of Statistics division codes
 * (统计用区划代码, data as of 2022-10-31, as mirrored in the public
 * modood/Administrative-divisions-of-China dataset, dist/streets.csv).
 * Streets are numbered 0xx and towns 1xx, as in that table.
 *
 * Left out on purpose: the 4xx "类似乡级单位" (development zones, resort
 * areas, prisons: 320412400/411/412/413, 320413400/401/402, 320481400/401),
 * which are neither 街道 nor 镇.
 */
export interface Street {
  /** 9 digits: 6-digit county code + 3-digit street/town code. */
  code: string;
  districtCode: string;
  name: string;
  kind: 'street' | 'town';
}

export const STREETS: ReadonlyArray<Street> = [
  // 天宁区
  { code: '320402001', districtCode: '320402', name: '雕庄街道', kind: 'street' },
  { code: '320402002', districtCode: '320402', name: '青龙街道', kind: 'street' },
  { code: '320402003', districtCode: '320402', name: '茶山街道', kind: 'street' },
  { code: '320402004', districtCode: '320402', name: '红梅街道', kind: 'street' },
  { code: '320402005', districtCode: '320402', name: '天宁街道', kind: 'street' },
  { code: '320402006', districtCode: '320402', name: '兰陵街道', kind: 'street' },
  { code: '320402109', districtCode: '320402', name: '郑陆镇', kind: 'town' },
  // 钟楼区
  { code: '320404001', districtCode: '320404', name: '五星街道', kind: 'street' },
  { code: '320404002', districtCode: '320404', name: '永红街道', kind: 'street' },
  { code: '320404003', districtCode: '320404', name: '北港街道', kind: 'street' },
  { code: '320404004', districtCode: '320404', name: '西林街道', kind: 'street' },
  { code: '320404005', districtCode: '320404', name: '南大街街道', kind: 'street' },
  { code: '320404006', districtCode: '320404', name: '荷花池街道', kind: 'street' },
  { code: '320404007', districtCode: '320404', name: '新闸街道', kind: 'street' },
  { code: '320404116', districtCode: '320404', name: '邹区镇', kind: 'town' },
  // 新北区
  { code: '320411002', districtCode: '320411', name: '三井街道', kind: 'street' },
  { code: '320411003', districtCode: '320411', name: '龙虎塘街道', kind: 'street' },
  { code: '320411004', districtCode: '320411', name: '春江街道', kind: 'street' },
  { code: '320411005', districtCode: '320411', name: '魏村街道', kind: 'street' },
  { code: '320411006', districtCode: '320411', name: '新桥街道', kind: 'street' },
  { code: '320411101', districtCode: '320411', name: '孟河镇', kind: 'town' },
  { code: '320411103', districtCode: '320411', name: '薛家镇', kind: 'town' },
  { code: '320411104', districtCode: '320411', name: '罗溪镇', kind: 'town' },
  { code: '320411105', districtCode: '320411', name: '西夏墅镇', kind: 'town' },
  { code: '320411122', districtCode: '320411', name: '奔牛镇', kind: 'town' },
  // 武进区
  { code: '320412001', districtCode: '320412', name: '戚墅堰街道', kind: 'street' },
  { code: '320412002', districtCode: '320412', name: '丁堰街道', kind: 'street' },
  { code: '320412003', districtCode: '320412', name: '潞城街道', kind: 'street' },
  { code: '320412100', districtCode: '320412', name: '湖塘镇', kind: 'town' },
  { code: '320412102', districtCode: '320412', name: '牛塘镇', kind: 'town' },
  { code: '320412103', districtCode: '320412', name: '洛阳镇', kind: 'town' },
  { code: '320412104', districtCode: '320412', name: '遥观镇', kind: 'town' },
  { code: '320412105', districtCode: '320412', name: '横林镇', kind: 'town' },
  { code: '320412106', districtCode: '320412', name: '横山桥镇', kind: 'town' },
  { code: '320412110', districtCode: '320412', name: '雪堰镇', kind: 'town' },
  { code: '320412113', districtCode: '320412', name: '前黄镇', kind: 'town' },
  { code: '320412114', districtCode: '320412', name: '礼嘉镇', kind: 'town' },
  { code: '320412119', districtCode: '320412', name: '嘉泽镇', kind: 'town' },
  { code: '320412120', districtCode: '320412', name: '湟里镇', kind: 'town' },
  // 金坛区
  { code: '320413001', districtCode: '320413', name: '西城街道', kind: 'street' },
  { code: '320413100', districtCode: '320413', name: '金城镇', kind: 'town' },
  { code: '320413104', districtCode: '320413', name: '儒林镇', kind: 'town' },
  { code: '320413106', districtCode: '320413', name: '直溪镇', kind: 'town' },
  { code: '320413108', districtCode: '320413', name: '朱林镇', kind: 'town' },
  { code: '320413109', districtCode: '320413', name: '薛埠镇', kind: 'town' },
  { code: '320413112', districtCode: '320413', name: '指前镇', kind: 'town' },
  // 溧阳市
  { code: '320481001', districtCode: '320481', name: '昆仑街道', kind: 'street' },
  { code: '320481002', districtCode: '320481', name: '溧城街道', kind: 'street' },
  { code: '320481003', districtCode: '320481', name: '古县街道', kind: 'street' },
  { code: '320481101', districtCode: '320481', name: '埭头镇', kind: 'town' },
  { code: '320481102', districtCode: '320481', name: '上黄镇', kind: 'town' },
  { code: '320481103', districtCode: '320481', name: '戴埠镇', kind: 'town' },
  { code: '320481106', districtCode: '320481', name: '天目湖镇', kind: 'town' },
  { code: '320481107', districtCode: '320481', name: '别桥镇', kind: 'town' },
  { code: '320481109', districtCode: '320481', name: '上兴镇', kind: 'town' },
  { code: '320481111', districtCode: '320481', name: '竹箦镇', kind: 'town' },
  { code: '320481114', districtCode: '320481', name: '南渡镇', kind: 'town' },
  { code: '320481116', districtCode: '320481', name: '社渚镇', kind: 'town' },
];
