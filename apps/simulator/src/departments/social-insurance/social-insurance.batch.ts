import type { PoolClient } from 'pg';
import { parseCitizenId } from '../../framework';
import { compactToSlashDate, fromGbkCsv, slashDateToCompact, toGbkCsv } from './social-insurance.csv';
import type { InsuranceStore } from './social-insurance.storage';
import {
  HOUSEHOLD_KINDS,
  RESULT_COLUMNS,
  ROSTER_COLUMNS,
  RowRefusal,
  STATES,
  type Insured,
  type UploadRow,
} from './social-insurance.types';

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** Whole years on `today` (yyyyMMdd). */
const age = (birth: string, today: string): number =>
  Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(4) < birth.slice(4) ? 1 : 0);

function validate(insured: Insured, today: string): void {
  const facts = parseCitizenId(insured.公民身份号码, { minBirthYear: 1900 });
  if (!facts || facts.legacy) throw new RowRefusal('公民身份号码校验错误');
  if (!insured.姓名) throw new RowRefusal('姓名不能为空');
  if (insured.性别 !== (facts.gender === '1' ? '男' : '女')) throw new RowRefusal('性别与公民身份号码不符');
  const birth = slashDateToCompact(insured.出生日期);
  if (!birth) throw new RowRefusal('出生日期格式错误');
  if (birth !== facts.birthDate.replace(/-/g, '')) throw new RowRefusal('出生日期与公民身份号码不符');
  if (age(birth, today) < 16) throw new RowRefusal('未满16周岁，不能参保');
  if (!HOUSEHOLD_KINDS.includes(insured.户籍性质)) throw new RowRefusal('户籍性质错误');
  if (!STATES.includes(insured.参保状态)) throw new RowRefusal('参保状态错误');
  if (insured.联系电话 && !PHONE.test(insured.联系电话)) throw new RowRefusal('联系电话格式错误');
  insured.出生日期 = compactToSlashDate(birth);
}

/** Blank cells in a 变更 row keep the held value. */
function merge(held: Insured, row: UploadRow): Insured {
  const merged = { ...held };
  for (const column of ROSTER_COLUMNS) if (row[column]) merged[column] = row[column];
  return merged;
}

async function applyRow(
  store: InsuranceStore,
  db: PoolClient,
  row: UploadRow,
  today: string,
): Promise<string> {
  const id = row.公民身份号码.toUpperCase();
  const facts = parseCitizenId(id, { minBirthYear: 1900 });
  if (!facts || facts.legacy) throw new RowRefusal('公民身份号码校验错误');
  switch (row.操作) {
    case '新增': {
      const held = await store.byGmsfhm(db, id);
      if (held && held.参保状态 !== '终止参保') {
        throw new RowRefusal(`该人员已在本地参保，个人编号${held.个人编号}`, true);
      }
      if (await store.insuredElsewhere(db, id)) throw new RowRefusal('已在其他地区参保');
      const insured: Insured = { ...merge(held ?? row, row), 公民身份号码: id };
      insured.参保状态 = row.参保状态 || '参保缴费';
      validate(insured, today);
      // A person whose insurance was ended comes back under the same number.
      insured.个人编号 = held?.个人编号 ?? (await store.nextGrbh(db));
      await store.write(db, insured);
      return insured.个人编号;
    }
    case '变更': {
      if (!row.个人编号) throw new RowRefusal('个人编号不能为空');
      const held = await store.byGrbh(db, row.个人编号);
      if (!held) throw new RowRefusal('个人编号不存在');
      if (held.公民身份号码 !== id) throw new RowRefusal('个人编号与公民身份号码不符');
      const insured = merge(held, { ...row, 公民身份号码: id });
      validate(insured, today);
      await store.write(db, insured);
      return held.个人编号;
    }
    case '终止': {
      const held = row.个人编号 ? await store.byGrbh(db, row.个人编号) : await store.byGmsfhm(db, id);
      if (!held || held.公民身份号码 !== id) throw new RowRefusal('查无此参保人员');
      if (held.参保状态 !== '终止参保') await store.write(db, { ...held, 参保状态: '终止参保' });
      return held.个人编号;
    }
    default:
      throw new RowRefusal('操作类型错误，应为新增、变更或终止');
  }
}

/** Processes one uploaded file: every row succeeds or fails on its own; the result is a GBK CSV. */
export async function processBatch(store: InsuranceStore, batchNo: string, file: Buffer): Promise<void> {
  const { ctx } = store;
  const today = new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  await store.inTransaction(async (db) => {
    const results: string[][] = [];
    for (const [index, row] of fromGbkCsv(file).rows.entries()) {
      const line = String(index + 1);
      try {
        const grbh = await applyRow(store, db, row as UploadRow, today);
        ctx.counters.add('applied');
        results.push([line, row.公民身份号码, '成功', '', grbh]);
      } catch (error) {
        if (!(error instanceof RowRefusal)) throw error;
        ctx.counters.add('rejected');
        if (error.duplicate) ctx.counters.add('duplicatesRefused');
        results.push([line, row.公民身份号码, '失败', error.message, row.个人编号 ?? '']);
      }
    }
    await store.finishBatch(db, batchNo, toGbkCsv(RESULT_COLUMNS, results));
  });
}
