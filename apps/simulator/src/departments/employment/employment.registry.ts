import { parseCitizenId, type SimContext } from '../../framework';
import { storableInGbk } from './employment.gbk';
import { idKey, type EmploymentStore } from './employment.storage';
import { FORM_FIELDS, Refusal, type FormField, type Jyry } from './employment.types';

const EDUCATION = ['10', '11', '14', '20', '30', '40', '41', '44', '47', '60', '70', '80', '90'];
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const LABELS: Record<FormField, string> = {
  sfzhm: '身份证号码',
  xm: '姓名',
  xb: '性别',
  csrq: '出生日期',
  whcd: '文化程度',
  jyzt: '就业状态',
  lxdh: '联系电话',
  jtzz: '家庭住址',
  pxyx: '培训意向',
};

/** Whole years on `today` (yyyy-MM-dd) for a birth date yyyyMMdd. */
function age(birth: string, today: string): number {
  const [y, md] = [Number(birth.slice(0, 4)), birth.slice(4)];
  return Number(today.slice(0, 4)) - y - (today.slice(5).replace('-', '') < md ? 1 : 0);
}

function validate(person: Jyry): void {
  for (const field of FORM_FIELDS) {
    if (!storableInGbk(person[field]))
      throw new Refusal(`${LABELS[field]}含有系统字符集(GBK)以外的字符，无法保存`);
  }
  if (!person.sfzhm) throw new Refusal('身份证号码不能为空');
  const facts = parseCitizenId(person.sfzhm, { minBirthYear: 1900 });
  if (!facts || facts.legacy) throw new Refusal('身份证号码不正确');
  if (!person.xm) throw new Refusal('姓名不能为空');
  // What an encoder made of a character outside GBK.
  if (/[?？]/.test(person.xm)) throw new Refusal('姓名含有非法字符"?"');
  if ([...person.xm].length > 10) throw new Refusal('姓名不能超过10个字');
  if (!['1', '2'].includes(person.xb)) throw new Refusal('性别代码不正确');
  if (person.xb !== facts.gender) throw new Refusal('性别与身份证号码不符');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(person.csrq)) throw new Refusal('出生日期格式不正确，应为yyyy-MM-dd');
  if (person.csrq !== facts.birthDate) throw new Refusal('出生日期与身份证号码不符');
  if (person.whcd && !EDUCATION.includes(person.whcd)) throw new Refusal('文化程度代码不正确');
  if (!['1', '2', '3', '4', '5'].includes(person.jyzt)) throw new Refusal('就业状态代码不正确');
  if (person.lxdh && !PHONE.test(person.lxdh)) throw new Refusal('联系电话格式不正确');
  if ([...person.jtzz].length > 100) throw new Refusal('家庭住址不能超过100个字');
  if (!['0', '1'].includes(person.pxyx)) throw new Refusal('培训意向代码不正确');
}

/** The working-age rule applies when a person is registered (men 16-59, women 16-54). */
function checkWorkingAge(person: Jyry, today: string): void {
  const years = age(person.csrq.replace(/-/g, ''), today);
  if (years < 16) throw new Refusal('未满16周岁，不能进行就业登记');
  if (years >= (person.xb === '1' ? 60 : 55)) throw new Refusal('已达法定退休年龄，不能进行就业登记');
}

const sameContent = (a: Jyry, b: Jyry): boolean =>
  FORM_FIELDS.every((f) => a[f] === b[f]) && a.zxbz === b.zxbz;

/**
 * action=save: with `jyrybh` an update of that person; without, a new registration — refused
 * when the ID number is already registered (an ended registration is taken up again instead).
 * Fields the form leaves out keep their value.
 */
export function save(ctx: SimContext, store: EmploymentStore, form: Record<string, string>): Promise<Jyry> {
  const jyrybh = (form.jyrybh ?? '').trim();
  const sfzhm = (form.sfzhm ?? '').trim().replace(/x$/, 'X');
  return store.inWriteLock(async (db) => {
    const holder = sfzhm ? await store.bySfzhm(db, sfzhm) : undefined;
    let existing: Jyry | undefined;
    if (jyrybh) {
      existing = await store.byJyrybh(db, jyrybh);
      if (!existing) throw new Refusal('人员编号不存在');
      if (holder && holder.jyrybh !== jyrybh) throw new Refusal('身份证号码已被其他人员登记', true);
      if (sfzhm && idKey(existing.sfzhm) !== idKey(sfzhm)) throw new Refusal('人员编号与身份证号码不符');
    } else if (holder && holder.zxbz === '0') {
      throw new Refusal(`该身份证号码已登记，人员编号：${holder.jyrybh}`, true);
    } else {
      existing = holder;
    }
    const merged: Jyry = existing
      ? { ...existing, zxbz: '0' }
      : {
          jyrybh: '',
          sfzhm: '',
          xm: '',
          xb: '',
          csrq: '',
          whcd: '',
          jyzt: '',
          lxdh: '',
          jtzz: '',
          pxyx: '0',
          zxbz: '0',
          gxsj: '',
        };
    for (const field of FORM_FIELDS) {
      if (form[field] !== undefined) merged[field] = form[field].trim();
    }
    if (sfzhm) merged.sfzhm = sfzhm;
    validate(merged);
    if (!existing || existing.zxbz === '1') checkWorkingAge(merged, todayOf(ctx));
    if (existing && sameContent(existing, merged)) return existing;
    merged.gxsj = await store.nextGxsj(db);
    if (!merged.jyrybh) merged.jyrybh = await store.nextJyrybh(db);
    await store.write(db, merged);
    return merged;
  });
}

const todayOf = (ctx: SimContext): string =>
  new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** action=end: the registration is ended (注销); ending twice is not a change. */
export function end(store: EmploymentStore, form: Record<string, string>): Promise<Jyry> {
  const jyrybh = (form.jyrybh ?? '').trim();
  const sfzhm = (form.sfzhm ?? '').trim();
  if (!jyrybh && !sfzhm) return Promise.reject(new Refusal('人员编号不能为空'));
  return store.inWriteLock(async (db) => {
    const person = jyrybh ? await store.byJyrybh(db, jyrybh) : await store.bySfzhm(db, sfzhm);
    if (!person) throw new Refusal('人员编号不存在');
    if (person.zxbz === '1') return person;
    const ended: Jyry = { ...person, zxbz: '1', gxsj: await store.nextGxsj(db) };
    await store.write(db, ended);
    return ended;
  });
}
