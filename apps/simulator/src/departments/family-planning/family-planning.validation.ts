import { birthDateOf, genderCodeOf, isValidCitizenId } from '../../framework';
import { MARITAL_CODES, type InboundRow, type PersonFields } from './family-planning.types';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const blank = (value: string | null | undefined): boolean =>
  value === null || value === undefined || value.trim() === '';

/**
 * The checks the department's own processing applies to a person carried by an I or U row (or by
 * a clinic registration). The spouse's ID number is deliberately not checked: the real system
 * does not, which is why its data holds spouse numbers that are the person's own or mistyped.
 */
export function checkPerson(input: Partial<Record<keyof PersonFields, unknown>>): Checked<PersonFields> {
  const text = (value: unknown): string | null =>
    value === null || value === undefined ? null : String(value).trim();
  const xm = text(input.xm);
  const sfzh = text(input.sfzh)?.toUpperCase() ?? null;
  const xb = text(input.xb);
  const csrq = text(input.csrq);
  const hyzk = text(input.hyzk) || null;
  if (blank(xm)) return { ok: false, message: '姓名(xm)不能为空' };
  if (blank(sfzh)) return { ok: false, message: '公民身份号码(sfzh)不能为空' };
  if (!isValidCitizenId(sfzh as string)) return { ok: false, message: '公民身份号码校验错误' };
  if (xb !== '1' && xb !== '2') return { ok: false, message: '性别代码(xb)错误，应为1或2' };
  if (xb !== genderCodeOf(sfzh as string)) return { ok: false, message: '性别与公民身份号码不符' };
  if (blank(csrq)) return { ok: false, message: '出生日期(csrq)不能为空' };
  if (csrq !== birthDateOf(sfzh as string)) return { ok: false, message: '出生日期与公民身份号码不符' };
  if (hyzk !== null && !MARITAL_CODES.has(hyzk)) return { ok: false, message: '婚姻状况代码(hyzk)错误' };
  let znsl: number | null = null;
  if (input.znsl !== null && input.znsl !== undefined && input.znsl !== '') {
    znsl = Number(input.znsl);
    if (!Number.isInteger(znsl) || znsl < 0) return { ok: false, message: '子女数(znsl)必须为非负整数' };
  }
  return {
    ok: true,
    value: {
      xm: xm as string,
      sfzh: sfzh as string,
      xb,
      csrq,
      hyzk,
      pobsfzh: text(input.pobsfzh) || null,
      znsl,
      hh: text(input.hh) || null,
    },
  };
}

export type InboundOperation =
  | { czlx: 'I'; person: PersonFields }
  | { czlx: 'U'; rkbh: string; person: PersonFields }
  | { czlx: 'D'; rkbh: string };

/** Reads an inbound row into an operation, or the department's refusal message. */
export function checkInbound(row: InboundRow): Checked<InboundOperation> {
  const czlx = row.czlx?.trim().toUpperCase();
  if (czlx !== 'I' && czlx !== 'U' && czlx !== 'D')
    return { ok: false, message: '操作类型(czlx)错误，应为I、U或D' };
  const rkbh = row.rkbh?.trim() ?? '';
  if (czlx !== 'I' && rkbh === '') return { ok: false, message: '变更或注销时人口编号(rkbh)不能为空' };
  if (czlx === 'D') return { ok: true, value: { czlx, rkbh } };
  const person = checkPerson(row);
  if (!person.ok) return person;
  return czlx === 'I'
    ? { ok: true, value: { czlx, person: person.value } }
    : { ok: true, value: { czlx, rkbh, person: person.value } };
}
