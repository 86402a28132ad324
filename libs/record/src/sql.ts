/**
 * TypeORM's postgres `query()` answers UPDATE/DELETE … RETURNING with `[rows, rowCount]` but
 * SELECT and INSERT with plain rows; this reads both the same way.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
