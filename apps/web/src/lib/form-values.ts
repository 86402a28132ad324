import dayjs from 'dayjs';
import type { FormInstance } from 'antd';
import { ApiError, type FieldProblem } from '../api/client';
import { toNamePath } from './field-path';

/**
 * Form values as the API wants them: dates as `YYYY-MM-DD`, text trimmed, and nothing left blank
 * (an optional block such as 残疾 that was left empty is not sent at all).
 */
export function toRequestBody(value: unknown): unknown {
  if (dayjs.isDayjs(value)) return value.format('YYYY-MM-DD');
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) return value.map(toRequestBody);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, toRequestBody(v)] as const)
      .filter(([, v]) => v !== undefined && v !== null);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value ?? undefined;
}

/**
 * Puts the API's per-field messages on the form's own fields (`members[1].idNumber` → the second
 * member's ID number) and returns every problem for the summary above the form.
 */
export function applyApiErrors(form: FormInstance, error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problems = error.errors.length > 0 ? error.errors : [{ field: '', message: error.message }];
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    if (!p.field) continue;
    byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  }
  // The API's word replaces any hint the form showed while typing.
  form.setFields([...byField].map(([field, errors]) => ({ name: toNamePath(field), errors, warnings: [] })));
  const first = [...byField.keys()][0];
  if (first) form.scrollToField(toNamePath(first), { block: 'center' });
  return problems;
}
