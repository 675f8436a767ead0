import type { PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../../db/tenant';

/** PostgreSQL binds at most 65,535 parameters per statement: rows per insert = this / columns. */
const MAX_PARAMETERS = 60_000;

/**
 * Writes rows in multi-row INSERTs as large as the parameter limit allows (thousands of rows a
 * statement, one round trip each), reporting rows per second. Works the same on PostgreSQL and
 * PGlite, inside the caller's transaction.
 */
export class BulkWriter {
  private readonly started = performance.now();
  private written = 0;

  constructor(
    private readonly tx: Transaction,
    private readonly onProgress?: (line: string) => void,
  ) {}

  async insert<T extends PgTable>(
    table: T,
    rows: readonly T['$inferInsert'][],
    label: string,
  ): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0] as object).length;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
    for (let i = 0; i < rows.length; i += perStatement) {
      await this.tx.insert(table).values(rows.slice(i, i + perStatement) as T['$inferInsert'][]);
    }
    this.written += rows.length;
    this.report(label, rows.length);
  }

  private report(label: string, rows: number): void {
    if (!this.onProgress) return;
    const seconds = (performance.now() - this.started) / 1000;
    this.onProgress(
      `  ${label}: +${rows.toLocaleString('en')} rows (${this.written.toLocaleString('en')} in ${seconds.toFixed(1)} s, ${Math.round(this.written / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s)`,
    );
  }
}
