import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { rowsOf } from './rows';
import type { Transaction } from './tenant';

/** The parts of a drizzle transaction a compiled statement runs through. */
interface SessionHolder {
  session: {
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: undefined,
      isResponseInArrayMode: false,
    ): { execute(values: Record<string, unknown>): Promise<unknown> };
  };
}

const dialect = new PgDialect();

/**
 * A raw statement on every request's path whose SQL text is written once per process: the
 * template holds `sql.placeholder(name)` for what varies, and each call only binds values.
 * For statements the query builder cannot express (the caller check in
 * functions/http/authenticate.ts); builder queries use `preparedQuery` instead. Profiled under
 * load, turning the caller check's template into text on every request was 5.5% of the
 * server's CPU on GET /api/posts/{id}.
 */
export class CompiledStatement<Values extends Record<string, unknown>, Row extends Record<string, unknown>> {
  private compiled: { sql: string; params: unknown[] } | undefined;

  constructor(private readonly template: SQL) {}

  private query(): { sql: string; params: unknown[] } {
    this.compiled ??= dialect.sqlToQuery(this.template);
    return this.compiled;
  }

  /** Text and parameters, for a driver's own query call (postgres.js `unsafe`). */
  bind(values: Values): { text: string; params: unknown[] } {
    const { sql, params } = this.query();
    return { text: sql, params: fillPlaceholders(params, values) };
  }

  /** Runs it in a drizzle transaction, on either driver. */
  async run(tx: Transaction, values: Values): Promise<Row[]> {
    const prepared = (tx as unknown as SessionHolder).session.prepareQuery(
      this.query(),
      undefined,
      undefined,
      false,
    );
    return rowsOf<Row>(await prepared.execute(values));
  }
}
