import type { Transaction } from './tenant';

/** What drizzle's `.prepare(name)` returns, as far as running it goes. */
interface Prepared<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/** The parts of a drizzle transaction a prepared query is rebound through. */
interface SessionHolder {
  session: { client: unknown };
}

/**
 * A hot query whose SQL drizzle builds once per process, not on every call.
 *
 * Profiled under load (`GET /api/posts/{id}`), drizzle spent ~16% of the server's CPU turning
 * the same query builders into the same SQL text on every call (`entity.is`, `escapeName`,
 * `mergeQueries`, `buildSelection`). `build` writes the query once with `sql.placeholder(…)`
 * for what varies; its prepared form (SQL text, parameter slots, result mapping) is kept per
 * driver and, for each call, rebound to the calling transaction's connection. On PostgreSQL
 * the statement is also prepared on the server once per connection (postgres.js caches it by
 * text), so a call is one Bind + Execute.
 *
 * Use it for queries on every request's path; everything else stays plain drizzle.
 */
export function preparedQuery<Values extends Record<string, unknown>, R>(
  name: string,
  build: (tx: Transaction) => { prepare(name: string): Prepared<R> },
): (tx: Transaction, values: Values) => Promise<R> {
  // One per driver: the PostgreSQL and PGlite sessions prepare differently.
  const byDriver = new Map<unknown, Prepared<R>>();
  return (tx, values) => {
    const session = (tx as unknown as SessionHolder).session;
    let prepared = byDriver.get(session.constructor);
    if (!prepared) {
      prepared = build(tx).prepare(name);
      byDriver.set(session.constructor, prepared);
    }
    // The prepared query keeps the connection it was made on; each call runs on its own.
    const bound = Object.create(prepared, { client: { value: session.client } }) as Prepared<R>;
    return bound.execute(values);
  };
}
