import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { RecordError, type FieldProblem } from '@hub/record';
import { flattenValidationErrors } from './validation-errors';

/** A DTO may add checks that span several fields or array items (one head, no repeated ID). */
export interface CrossChecked {
  crossCheck(): FieldProblem[];
}

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/**
 * Like Nest's ValidationPipe (whitelist, forbidNonWhitelisted, transform), but every problem —
 * field checks and cross-field checks — comes back in one 400 answer with request paths.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  async transform(value: unknown, { metatype, type }: ArgumentMetadata): Promise<unknown> {
    if (!metatype || PRIMITIVES.has(metatype) || type === 'custom') return value;
    if (type === 'body' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw RecordError.invalid([{ field: '(请求内容)', message: '请求内容应为一个 JSON 对象' }]);
    }
    const instance: object = plainToInstance(metatype as new () => object, value ?? {});
    const errors = await validate(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    const problems = flattenValidationErrors(errors);
    const cross = instance as Partial<CrossChecked>;
    if (typeof cross.crossCheck === 'function') problems.push(...cross.crossCheck());
    if (problems.length > 0) throw RecordError.invalid(unique(problems));
    return instance;
  }
}

function unique(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
