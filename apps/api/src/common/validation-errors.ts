import type { ValidationError } from 'class-validator';
import { RecordError, type FieldProblem } from '@hub/record';

/** class-validator's built-in constraints, said the way a community worker would understand. */
const GENERIC_MESSAGES: Record<string, string> = {
  whitelistValidation: '不允许提交该字段',
  isString: '应填写文字',
  isInt: '应填写整数',
  isNumber: '应填写数字',
  isBoolean: '应为是或否',
  isArray: '应为列表',
  isObject: '格式不正确',
  isUuid: '编号格式不正确',
  isDefined: '必须填写',
  isNotEmpty: '必须填写',
  arrayMinSize: '至少需要一项',
  arrayMaxSize: '项目过多',
  maxLength: '内容过长',
  nestedValidation: '格式不正确',
};

/** Nested errors flattened to request paths: `members[1].idNumber`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const isIndex = /^\d+$/.test(error.property);
    const path = isIndex
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([key, message]) => ({
      field: path,
      message: /[\u4e00-\u9fff]/.test(message) ? message : (GENERIC_MESSAGES[key] ?? '格式不正确'),
    }));
    // One message per field is enough: the first problem is the one to fix first.
    return [...own.slice(0, 1), ...flattenValidationErrors(error.children ?? [], path)];
  });
}

export function validationException(errors: ValidationError[]): RecordError {
  return RecordError.invalid(flattenValidationErrors(errors));
}
