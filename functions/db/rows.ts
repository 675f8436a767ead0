import type { SQL } from 'drizzle-orm';
import type { Database } from './client';

/**
 * Runs raw SQL and returns its rows on either driver. `db.execute` answers with postgres.js's
 * row array or with PGlite's `{ rows }`; prefer the query builder, and use this for catalog
 * queries and the odd statement the builder cannot express.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** The rows of a raw result from either driver (see `queryRows`). */
export function rowsOf<T extends Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows as T[];
  }
  throw new Error('queryRows: unexpected result shape from the driver');
}
