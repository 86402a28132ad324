import type { PoolClient } from 'pg';
import { legacyForm, parseCitizenId, type CitizenIdFacts, type SimContext } from '../../framework';
import {
  findByGmsfhm,
  findByRybh,
  inWriteLock,
  insert,
  nextBgsj,
  nextRybh,
  update,
} from './police-population.storage';
import { BusinessError, RY_FIELDS, WRITABLE_FIELDS, type Ry } from './police-population.types';

/** The station's county codes (常州市); RYBH carries the county where the person was registered. */
const COUNTIES = ['320402', '320404', '320411', '320412', '320413', '320481'];
const DEFAULT_COUNTY = '320402';
const ETHNICITY = /^(0[1-9]|[1-4]\d|5[0-6]|97|98)$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** The station accepts a lower-case check character; everything else must be typed right. */
const normaliseId = (id: string | undefined): string => (id ?? '').trim().toUpperCase();

function validate(ry: Ry, facts: CitizenIdFacts): void {
  for (const field of ['XM', 'XB', 'CSRQ', 'RYLB'] as const) {
    if (!ry[field]) throw new BusinessError('E101', `必填项缺失：${field}`);
  }
  if ([...ry.XM].length > 30) throw new BusinessError('E105', '姓名长度超过30个字');
  if (!/^\d{8}$/.test(ry.CSRQ)) throw new BusinessError('E105', '出生日期格式错误，应为yyyyMMdd');
  if (ry.CSRQ !== facts.birthDate.replace(/-/g, ''))
    throw new BusinessError('E103', '出生日期与公民身份号码不符');
  if (!['0', '1', '2', '9'].includes(ry.XB)) throw new BusinessError('E105', '性别代码错误');
  if (ry.XB !== facts.gender) throw new BusinessError('E104', '性别与公民身份号码不符');
  if (ry.MZ && !ETHNICITY.test(ry.MZ)) throw new BusinessError('E105', '民族代码错误');
  if (ry.HH && !/^\d{9}$/.test(ry.HH)) throw new BusinessError('E105', '户号格式错误，应为9位数字');
  if (ry.YHZGX && !/^\d{2}$/.test(ry.YHZGX)) throw new BusinessError('E105', '与户主关系代码错误');
  if (!['1', '2'].includes(ry.RYLB)) throw new BusinessError('E105', '人员类别代码错误');
  if (ry.LXDH && !PHONE.test(ry.LXDH)) throw new BusinessError('E105', '联系电话格式错误');
  if (!['0', '1', '2'].includes(ry.ZT)) throw new BusinessError('E105', '人员状态代码错误');
}

const sameContent = (a: Ry, b: Ry): boolean => RY_FIELDS.every((f) => f === 'BGSJ' || a[f] === b[f]);

/** Which person a SaveRyxx means: by RYBH when given, else by ID number (upsert). */
async function target(
  ctx: SimContext,
  db: PoolClient,
  rybh: string,
  gmsfhm: string,
): Promise<Ry | undefined> {
  const holder = await findByGmsfhm(db, ctx.schema, gmsfhm);
  if (!rybh) return holder;
  const person = await findByRybh(db, ctx.schema, rybh);
  if (!person) throw new BusinessError('E108', '查无此人员编号');
  if (holder && holder.RYBH !== person.RYBH) {
    throw new BusinessError('E107', '该公民身份号码已被其他人员登记', true);
  }
  const upgraded =
    person.GMSFHM.length === 15 && gmsfhm.length === 18 && legacyForm(gmsfhm) === person.GMSFHM;
  if (person.GMSFHM !== gmsfhm && !upgraded) {
    throw new BusinessError('E106', '人员编号与公民身份号码不符');
  }
  return person;
}

/**
 * SaveRyxx: upsert one person by GMSFHM. Fields left out keep their value. An 18-digit number
 * for a person still held under the 15-digit one upgrades that record (身份证升位) rather than
 * registering a second person. Returns the person's RYBH.
 */
export function saveRyxx(ctx: SimContext, input: Partial<Ry>): Promise<Ry> {
  const gmsfhm = normaliseId(input.GMSFHM);
  if (!gmsfhm) return Promise.reject(new BusinessError('E101', '必填项缺失：GMSFHM'));
  const facts = parseCitizenId(gmsfhm, { minBirthYear: 1900 });
  if (!facts) return Promise.reject(new BusinessError('E102', '公民身份号码校验错误'));
  return inWriteLock(ctx, async (db) => {
    const existing = await target(ctx, db, (input.RYBH ?? '').trim(), gmsfhm);
    if (!existing && facts.legacy) {
      throw new BusinessError('E102', '公民身份号码校验错误：新登记人员须使用18位号码');
    }
    const base: Ry = existing ?? { ...blank(), RYLB: '1', ZT: '0' };
    const merged: Ry = { ...base, GMSFHM: gmsfhm };
    for (const field of WRITABLE_FIELDS) {
      const value = input[field];
      if (field !== 'GMSFHM' && value !== undefined && value !== null) merged[field] = String(value).trim();
    }
    validate(merged, facts);
    if (existing && sameContent(existing, merged)) return existing;
    merged.BGSJ = await nextBgsj(ctx, db);
    if (existing) {
      await update(db, ctx.schema, merged);
    } else {
      const county = COUNTIES.includes(gmsfhm.slice(0, 6)) ? gmsfhm.slice(0, 6) : DEFAULT_COUNTY;
      merged.RYBH = await nextRybh(ctx, db, county);
      await insert(db, ctx.schema, merged);
    }
    return merged;
  });
}

/** ZxRyxx: end a person (ZT `1` dead, `2` moved out). Ending twice is not a change. */
export function zxRyxx(ctx: SimContext, input: { GMSFHM?: string; RYBH?: string; ZT?: string }): Promise<Ry> {
  const zt = String(input.ZT ?? '').trim();
  if (!['1', '2'].includes(zt))
    return Promise.reject(new BusinessError('E105', '注销状态代码错误，应为1或2'));
  const rybh = (input.RYBH ?? '').trim();
  const gmsfhm = normaliseId(input.GMSFHM);
  if (!rybh && !gmsfhm) return Promise.reject(new BusinessError('E101', '必填项缺失：GMSFHM'));
  return inWriteLock(ctx, async (db) => {
    const person = rybh ? await findByRybh(db, ctx.schema, rybh) : await findByGmsfhm(db, ctx.schema, gmsfhm);
    if (!person || (rybh && gmsfhm && person.GMSFHM !== gmsfhm && legacyForm(gmsfhm) !== person.GMSFHM)) {
      throw new BusinessError('E108', '查无此人');
    }
    if (person.ZT === zt) return person;
    const ended: Ry = { ...person, ZT: zt, BGSJ: await nextBgsj(ctx, db) };
    await update(db, ctx.schema, ended);
    return ended;
  });
}

function blank(): Ry {
  return Object.fromEntries(RY_FIELDS.map((f) => [f, ''])) as Ry;
}
