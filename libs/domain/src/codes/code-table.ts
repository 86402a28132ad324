/**
 * The unified record stores codes, never free words (codes.md). A code table maps a code to the
 * Chinese name shown to community staff.
 */
export type CodeTable = Readonly<Record<string, string>>;

/**
 * Own-property check: a plain `code in table` would accept `constructor`, `toString` or
 * `__proto__` from Object.prototype, and such a value would then reach a department.
 */
export function isCode(table: CodeTable, code: unknown): code is string {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(table, code);
}

export function codeName(table: CodeTable, code: string): string | undefined {
  return isCode(table, code) ? table[code] : undefined;
}

/**
 * Entries in code order. Needed because JavaScript lists integer-like keys (`10`, `98`) before
 * the others (`01`), so `Object.keys(ETHNICITY)` would start with 朝鲜族 instead of 汉族.
 */
export function codeEntries(table: CodeTable): Array<{ code: string; name: string }> {
  return Object.keys(table)
    .sort()
    .map((code) => ({ code, name: table[code] }));
}

/** Freezes a table so no caller can add or rename a code at run time. */
export function codeTable(entries: Record<string, string>): CodeTable {
  return Object.freeze({ ...entries });
}
