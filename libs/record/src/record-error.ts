/** What went wrong, in the vocabulary of the record, not of HTTP; the API maps codes to statuses. */
export type RecordErrorCode = 'invalid' | 'not-found' | 'conflict' | 'stale-version' | 'forbidden';

export interface FieldProblem {
  /** Path in the request, e.g. `members[1].idNumber`. */
  field: string;
  /** Chinese, in words a community worker understands. */
  message: string;
}

export class RecordError extends Error {
  constructor(
    readonly code: RecordErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }

  static notFound(what = '记录'): RecordError {
    return new RecordError('not-found', `${what}不存在，或不在您的管辖范围内`);
  }

  static invalid(problems: FieldProblem[]): RecordError {
    return new RecordError('invalid', '提交的信息有误，请按提示修改', problems);
  }
}
