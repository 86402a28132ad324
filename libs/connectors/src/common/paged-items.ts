/**
 * The records of one page of a department's list endpoint. The spec names the paging parameters
 * but not the reply's shape, so both usual shapes are read: a bare array, or an object holding
 * the array under one of the usual names (with totals and page numbers beside it), possibly inside
 * a `{ code, message, data }` envelope.
 */
const LIST_KEYS = ['items', 'records', 'data', 'list', 'content', 'rows', 'changes'] as const;

export function pagedItems(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body as Record<string, unknown>[];
  if (body && typeof body === 'object') {
    for (const key of LIST_KEYS) {
      const value = (body as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value as Record<string, unknown>[];
    }
    const data = (body as Record<string, unknown>).data;
    if (data && typeof data === 'object') return pagedItems(data);
  }
  return [];
}

/** The payload of a reply that may be wrapped in a `{ code, message, data }` envelope. */
export function unwrapped(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const data = record.data;
  return data && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : record;
}
