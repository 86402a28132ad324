import { makeCitizenId } from '@hub/domain';
import type { MemberInput, RegisterHouseholdInput } from '@hub/record';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文';
const MALE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁浩凯俊帅建国志文博宇晨';
const FEMALE = '芳娜敏静丽艳娟霞秀英玲桂兰萍红梅琳雪婷颖洁慧月莉燕倩欣怡佳';
const ESTATES = [
  '青龙苑',
  '红梅新村',
  '丽华新村',
  '兰陵花园',
  '天宁名都',
  '雕庄佳园',
  '茶山新苑',
  '东方明珠花园',
];

/** A small deterministic PRNG, so the demo data is the same on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: ArrayLike<T>): T => items[Math.floor(random() * items.length)];

/** What a community office records: students, the retired, and the working population's status. */
function employmentFor(age: number, random: () => number): string | undefined {
  if (age < 16) return undefined;
  if (age <= 22 && random() < 0.6) return '5';
  if (age >= 60) return '4';
  return pick(random, ['1', '1', '1', '2', '3']);
}

/** Demo households for one community: families of one to five with realistic ages and tags. */
export function demoHouseholds(communityCode: string, count: number, seed: number): RegisterHouseholdInput[] {
  const random = prng(seed);
  const region = communityCode.slice(0, 6);
  let sequence = 0;
  const year = new Date().getFullYear();
  const today = new Date().toISOString().slice(0, 10);
  const personOf = (surname: string, gender: '1' | '2', age: number, relation: string): MemberInput => {
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    // A birthday later this year would make a newborn's date lie in the future: keep it past.
    const birthDate = [`${year - age}-${month}-${day}`, `${year - age - 1}-${month}-${day}`].find(
      (d) => d <= today,
    )!;
    sequence += 1;
    const given =
      pick(random, gender === '1' ? MALE : FEMALE) +
      (random() < 0.6 ? pick(random, gender === '1' ? MALE : FEMALE) : '');
    const ageNow = year - Number(birthDate.slice(0, 4));
    return {
      // The sequence's parity is the gender (odd = male), as GB 11643 prescribes.
      idNumber: makeCitizenId(
        region,
        birthDate,
        2 * ((seed * 97 + sequence) % 498) + (gender === '1' ? 1 : 2),
      ),
      name: surname + given,
      gender,
      ethnicity: random() < 0.95 ? '01' : pick(random, ['03', '08', '11']),
      birthDate,
      registrationType: random() < 0.85 ? 'registered' : 'floating',
      phone:
        ageNow >= 18
          ? `1${pick(random, '3578')}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`
          : undefined,
      maritalStatus: ageNow >= 22 ? '20' : ageNow >= 18 ? '10' : undefined,
      education: ageNow >= 18 ? pick(random, ['20', '30', '60', '70']) : undefined,
      politicalStatus:
        ageNow >= 18
          ? ageNow <= 28
            ? pick(random, ['03', '13'])
            : pick(random, ['01', '13', '13'])
          : undefined,
      employmentStatus: employmentFor(ageNow, random),
      relation,
    };
  };
  return Array.from({ length: count }, (_, i) => {
    const surname = pick(random, SURNAMES);
    const headAge = 28 + Math.floor(random() * 60);
    const head = personOf(surname, random() < 0.7 ? '1' : '2', headAge, '02');
    if (headAge >= 60 && random() < 0.2)
      head.disability = { type: pick(random, '1245'), grade: pick(random, '1234') };
    const members = [head];
    if (random() < 0.8)
      members.push(
        personOf(
          pick(random, SURNAMES),
          head.gender === '1' ? '2' : '1',
          Math.max(20, headAge - 3 + Math.floor(random() * 6)),
          '10',
        ),
      );
    const children = headAge < 70 ? Math.floor(random() * 3) : 0;
    for (let c = 0; c < children; c++) {
      const gender = random() < 0.5 ? '1' : '2';
      members.push(
        personOf(
          surname,
          gender,
          Math.max(0, headAge - 25 - Math.floor(random() * 10)),
          gender === '1' ? '20' : '30',
        ),
      );
    }
    return {
      type: 'family',
      communityCode,
      address: {
        estate: pick(random, ESTATES),
        building: String(1 + (i % 30)),
        unit: String(1 + (i % 4)),
        room: String(101 + ((i * 7) % 600)),
      },
      assistance:
        random() < 0.05 ? { type: 'dibao', amount: '1050.00', approvedOn: `${year - 1}-06-01` } : undefined,
      members,
    };
  });
}
