import type postgres from 'postgres';

type Sql = postgres.Sql;
type UnsafeOptions = NonNullable<Parameters<Sql['unsafe']>[2]>;

/**
 * Lets postgres.js keep every parameterised query as a prepared statement on its connection.
 *
 * drizzle's postgres-js driver passes `{ prepare: false }` for every query built without a
 * name (all of Plume's), and postgres.js then runs a parameterised statement unnamed: it sends
 * Parse + Describe, WAITS for the answer, then Bind + Execute — two round trips and a parse
 * and plan on the server, every time. With `prepare: true` the statement is parsed once per
 * connection (postgres.js caches it by text and parameter types) and each later call is one
 * Bind + Execute. The connection-wide `prepare` option still wins: behind RDS Proxy it is
 * false (named statements would pin the session) and this changes nothing.
 *
 * Queries without parameters (DDL, `set local role`) are left alone: they already take one
 * round trip, and caching each migration statement per connection would only cost memory.
 */
export function preparedStatements(client: Sql): Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: unknown[], options?: UnsafeOptions) =>
          target.unsafe(
            query,
            parameters as postgres.ParameterOrJSON<never>[] | undefined,
            parameters && parameters.length > 0 ? { ...options, prepare: true } : options,
          );
      }
      if (property === 'reserve') {
        // A connection reserved for one request (request-transaction.ts) prepares the same way.
        return async () => preparedStatements((await target.reserve()) as unknown as Sql);
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const callback = args.at(-1) as (sql: postgres.TransactionSql) => unknown;
          const wrapped = (sql: postgres.TransactionSql) =>
            callback(preparedStatements(sql as unknown as Sql) as unknown as postgres.TransactionSql);
          return (target.begin as (...a: unknown[]) => Promise<unknown>)(...args.slice(0, -1), wrapped);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
