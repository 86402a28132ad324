import type { SqjzRecord, SqjzReply } from './justice-corrections.types';

/**
 * Readers for the decrypted replies. The spec fixes the envelope, not what is inside it, so
 * these accept the payload at the top level or under `data`, and the usual list names.
 */
type Json = Record<string, unknown>;

const objectOr = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;

const payloadOf = (reply: SqjzReply): Json => objectOr(reply.data) ?? reply;

function listOf(reply: SqjzReply, names: string[]): Json[] {
  if (Array.isArray(reply.data)) return reply.data as Json[];
  const payload = payloadOf(reply);
  for (const name of names) if (Array.isArray(payload[name])) return payload[name] as Json[];
  return [];
}

export function readSavedId(reply: SqjzReply): string | undefined {
  const id = payloadOf(reply).sqjzrybh;
  return typeof id === 'string' && id ? id : undefined;
}

export function readPage(reply: SqjzReply): { records: Json[]; total?: number } {
  const total = Number(payloadOf(reply).total);
  return {
    records: listOf(reply, ['list', 'records', 'rows', 'items']),
    total: Number.isFinite(total) ? total : undefined,
  };
}

export interface FeedChange {
  record: Partial<SqjzRecord>;
  changedAt: string;
}

/** `2026-11-27 13:33:37` (the department's Beijing wall clock) → ISO 8601 with its offset. */
export function beijingInstant(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(text);
  return match ? `${match[1]}T${match[2]}+08:00` : text;
}

/**
 * A feed entry: `{xh, bglx, bgsj, ry}` — sequence, change type, change time, the record after the
 * change. The record itself, or `{record|data, changedAt}` around it, are read too.
 */
export function readChanges(reply: SqjzReply): {
  changes: FeedChange[];
  cursor: string | null;
  hasMore: boolean;
} {
  const payload = payloadOf(reply);
  const changes = listOf(reply, ['changes', 'list', 'records', 'items']).map((entry) => {
    const record = (objectOr(entry.ry) ??
      objectOr(entry.record) ??
      objectOr(entry.data) ??
      entry) as Partial<SqjzRecord>;
    const at = entry.bgsj ?? entry.changedAt ?? '';
    return { record, changedAt: beijingInstant(String(at)) };
  });
  const cursor = payload.cursor ?? payload.nextCursor ?? null;
  return { changes, cursor: cursor === null ? null : String(cursor), hasMore: payload.hasMore === true };
}
