import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RecordError, type RecordErrorCode } from '@hub/record';

const STATUS_OF: Record<RecordErrorCode, number> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  'stale-version': 409,
  forbidden: 403,
};

const MESSAGE_OF_STATUS: Record<number, string> = {
  400: '请求格式不正确',
  401: '请先登录，或登录已过期',
  403: '您没有该操作的权限',
  404: '找不到该记录或页面',
  405: '不支持该操作',
  409: '与现有记录冲突',
  413: '提交的内容过大',
  415: '请以 JSON 格式提交',
  429: '操作过于频繁，请稍后再试',
};

/** Body-parser errors arrive as plain errors with a status and a type. */
const BODY_ERRORS: Record<string, { status: number; message: string }> = {
  'entity.too.large': { status: 413, message: '提交的内容过大，请检查后重新提交' },
  'entity.parse.failed': { status: 400, message: '提交的内容不是有效的 JSON' },
  'encoding.unsupported': { status: 415, message: '不支持的字符编码' },
  'charset.unsupported': { status: 415, message: '不支持的字符编码' },
};

/** One answer shape for every error: `{ message, errors[], correlationId }`; nothing internal leaks. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const correlationId = String(request.id ?? '');
    const { status, message, errors } = this.describe(exception);
    if (status >= 500) {
      this.logger.error({ err: exception, correlationId }, 'unexpected error');
    }
    response.status(status).json({ message, errors, correlationId });
  }

  private describe(exception: unknown): { status: number; message: string; errors: unknown[] } {
    if (exception instanceof RecordError) {
      return { status: STATUS_OF[exception.code], message: exception.message, errors: exception.problems };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const own = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
      const chinese = typeof own === 'string' && /[\u4e00-\u9fff]/.test(own) ? own : undefined;
      return { status, message: chinese ?? MESSAGE_OF_STATUS[status] ?? '请求无法处理', errors: [] };
    }
    const bodyError = BODY_ERRORS[(exception as { type?: string }).type ?? ''];
    if (bodyError) return { ...bodyError, errors: [] };
    return { status: 500, message: '系统内部错误，请稍后再试；如持续出现请联系运维人员', errors: [] };
  }
}
