import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import {
  chinaToday,
  checkName,
  checkPhone,
  citizenIdConsistency,
  isCode,
  normaliseCitizenId,
  normaliseName,
  normalisePhone,
  parseCitizenId,
  type CodeTable,
} from '@hub/domain';

type Check = (value: unknown, args: ValidationArguments) => string | undefined;

/** A class-validator constraint whose message depends on what is wrong (Chinese, from the domain). */
function rule(name: string, check: Check, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    const problems = new WeakMap<object, string>();
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const problem = check(value, args);
          if (problem) problems.set(args.object, problem);
          return problem === undefined;
        },
        defaultMessage(args: ValidationArguments) {
          return problems.get(args.object) ?? '格式不正确';
        },
      },
    });
  };
}

const asString = (value: unknown): value is string => typeof value === 'string';

/** Trims and normalises text input before validation; non-strings are left for the type check. */
export const Normalise = (fn: (raw: string) => string): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (asString(value) ? fn(value) : value));

export const NormaliseCitizenId = (): PropertyDecorator =>
  Normalise((raw) => {
    const parsed = parseCitizenId(raw);
    return parsed.ok ? parsed.id.value : normaliseCitizenId(raw);
  });
export const NormaliseName = (): PropertyDecorator => Normalise(normaliseName);
export const NormalisePhone = (): PropertyDecorator => Normalise(normalisePhone);
export const Trim = (): PropertyDecorator => Normalise((raw) => raw.trim());

export const IsCitizenId = (): PropertyDecorator =>
  rule('isCitizenId', (value) => {
    if (!asString(value)) return '应填写文字';
    const parsed = parseCitizenId(value);
    return parsed.ok ? undefined : parsed.message;
  });

export const IsPersonName = (): PropertyDecorator =>
  rule('isPersonName', (value) => (asString(value) ? checkName(value) : '请填写姓名'));

export const IsPhone = (): PropertyDecorator =>
  rule('isPhone', (value) => (asString(value) ? checkPhone(value) : '应填写文字'));

export const IsCode = (table: CodeTable, label: string): PropertyDecorator =>
  rule('isCode', (value) => (isCode(table, value) ? undefined : `${label}代码不正确`));

/** A real calendar date `yyyy-MM-dd`, not in the future (a birth, a death or an approval). */
export const IsPastDate = (label: string, options: { allowFuture?: boolean } = {}): PropertyDecorator =>
  rule('isPastDate', (value) => {
    if (!asString(value) || !/^\d{4}-\d{2}-\d{2}$/.test(value))
      return `${label}应为“年-月-日”格式，如 1980-05-01`;
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
      return `${label}不是有效的日期`;
    if (value < '1890-01-01') return `${label}不能早于1890年`;
    if (!options.allowFuture && value > chinaToday()) return `${label}不能晚于今天`;
    return undefined;
  });

/** The birth date or gender of a person must agree with what their ID number says. */
export const AgreesWithIdNumber = (field: 'birthDate' | 'gender'): PropertyDecorator =>
  rule(`agreesWithIdNumber`, (value, args) => {
    const idNumber = (args.object as { idNumber?: unknown }).idNumber;
    if (!asString(idNumber) || !asString(value)) return undefined;
    const parsed = parseCitizenId(idNumber);
    if (!parsed.ok) return undefined;
    return citizenIdConsistency(parsed.id, { [field]: value }).find((m) => m.field === field)?.message;
  });

/** Money in yuan with at most two decimals, as a string or number; stored as `0.00`. */
export const IsYuan = (): PropertyDecorator =>
  rule('isYuan', (value) => {
    const text = typeof value === 'number' ? String(value) : value;
    if (!asString(text) || !/^\d{1,7}(\.\d{1,2})?$/.test(text)) return '金额应为不超过两位小数的数字（元）';
    return undefined;
  });
export const NormaliseYuan = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    (typeof value === 'number' || asString(value)) && /^\d{1,7}(\.\d{1,2})?$/.test(String(value))
      ? Number(value).toFixed(2)
      : value,
  );
