import { clearSession, storedToken } from '../auth/session-store';

export interface FieldProblem {
  field: string;
  message: string;
}

/** The API's one error shape: `{ message, errors[], correlationId }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldProblem[] = [],
    readonly correlationId = '',
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

/** Called when the token is missing or expired, so the app can send the user to the login page. */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function parseError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<{
      message: string;
      errors: FieldProblem[];
      correlationId: string;
    }>;
    return new ApiError(
      response.status,
      body.message ?? `请求失败（${response.status}）`,
      Array.isArray(body.errors) ? body.errors : [],
      body.correlationId ?? '',
    );
  } catch {
    return new ApiError(response.status, `服务暂不可用（${response.status}），请稍后再试`);
  }
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = storedToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, '无法连接服务器，请检查网络后重试');
  }
  if (response.status === 401 && path !== '/auth/login') {
    clearSession();
    onUnauthorized();
  }
  if (!response.ok) throw await parseError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body, query }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** A message for a toast: the API's own words, with the number support staff ask for. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    return error.correlationId
      ? `${error.message}（错误编号 ${error.correlationId.slice(0, 8)}）`
      : error.message;
  }
  return '操作失败，请稍后再试';
}
