/**
 * PostgreSQL's COPY text format, for bulk loads (the simulators' seeds, the hub's promotion).
 * A field is converted as node-postgres converts a query parameter, so a row copied holds what
 * the same row inserted with parameters would.
 */
const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeText = (text: string): string =>
  SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]) : text;

/**
 * One field: null for null/undefined, an ISO instant for a Date, JSON for a plain object, text for
 * anything else. Arrays are written as JSON too (for jsonb columns), not as PostgreSQL arrays.
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return escapeText(JSON.stringify(value));
  return escapeText(String(value));
}

/** One row, its newline included. */
export function copyLine(row: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += i === 0 ? copyField(row[i]) : `\t${copyField(row[i])}`;
  return `${line}\n`;
}
