/**
 * Characters common in given names that share their pinyin (tones ignored). Typing a name with a
 * pinyin input method picks the wrong one easily: 张伟 becomes 张玮.
 */
export const HOMOPHONE_GROUPS: readonly string[] = [
  ...['伟玮炜纬苇韦维卫', '芳方舫', '娜纳', '静婧靖敬', '敏闽珉民', '丽莉俐利黎', '强蔷'],
  ...['军君钧均俊骏峻', '杰洁婕捷', '涛韬滔', '明鸣铭茗', '华桦骅花', '平萍苹', '红虹鸿宏洪弘'],
  ...['英瑛莹颖盈', '玲铃翎龄', '琳林霖淋', '燕艳雁彦', '磊蕾', '勇永咏泳', '刚钢岗'],
  ...['斌彬滨宾', '辉晖徽慧惠蕙', '建健剑', '秀绣', '霞侠', '波博', '鹏朋', '峰锋丰枫风凤'],
  ...['宇雨禹语羽玉', '浩昊皓灏', '欣馨新心鑫', '怡仪宜艺毅逸', '涵晗含寒', '轩萱宣', '子梓紫'],
  ...['晨辰宸臣', '睿瑞锐', '嘉佳家', '婷庭亭', '梅玫媚美', '兰岚蓝', '芬纷', '桂贵', '珍贞真'],
  ...['淑书舒', '志智治', '文雯闻', '东冬', '娟涓', '琴芹勤', '洋阳扬', '飞菲非', '凯楷'],
  ...['航杭', '悦月越', '琪琦祺淇奇', '彤桐童', '思斯', '云芸韵', '兴星', '生升', '荣蓉容'],
  ...['金津锦', '福富', '才财', '良梁', '忠中钟', '庆青清', '春纯', '素苏', '娣弟'],
];

const groupOf = new Map<string, string>();
for (const group of HOMOPHONE_GROUPS) for (const ch of group) groupOf.set(ch, group);

/** The other characters that read like `ch`; empty when none is known. */
export function homophonesOf(ch: string): string[] {
  const group = groupOf.get(ch);
  return group ? [...group].filter((c) => c !== ch) : [];
}
