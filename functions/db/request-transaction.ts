import { AsyncLocalStorage } from 'node:async_hooks';
import type { RelationalSchemaConfig, TablesRelationalConfig } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import {
  PostgresJsSession,
  PostgresJsTransaction,
  type PostgresJsSessionOptions,
} from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Database } from './client';
import type { Transaction } from './tenant';

/**
 * The transaction an authenticated request opens to check its caller, kept open so that the
 * operation's first tenant transaction is the same one (DESIGN.md "request path").
 *
 * Before: the session check ran in a `withSystem` transaction of its own (BEGIN, SET ROLE,
 * SELECT, COMMIT), then the operation opened `withTenant` (BEGIN, set_config, its queries,
 * COMMIT). Now the caller check and the tenant setting go out together right after BEGIN, and
 * the operation's first `withTenant` for the caller's organization runs its queries in that
 * transaction: one BEGIN and one COMMIT per request.
 *
 * What callers of `withTenant` can rely on stays exactly as it was:
 * - its work is committed when it returns (the request transaction commits at the end of the
 *   joined callback, before `withTenant` returns), so jobs and pushes that follow see it;
 * - an error rolls its work back (and the caller check with it, which changes nothing);
 * - at most one connection is held at a time: any other transaction the request opens first
 *   (`withSystem`, another organization) commits the request transaction before it begins, so a
 *   Lambda's single connection (`max: 1`) is never waited on by its own request.
 */
export interface RequestTransaction {
  db: Database;
  organizationId: string;
  /** Runs `fn` in the open transaction and commits it; undefined when it is no longer open. */
  join<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> | undefined;
  /** Commits the transaction if nothing joined it (the caller check alone). */
  release(): Promise<void>;
}

const current = new AsyncLocalStorage<RequestTransaction>();

/**
 * Opens the request transaction: `check` runs first in it (and throws to refuse the caller,
 * which rolls back), then the transaction waits for the operation's first `withTenant` or for
 * `release`. Resolves once the check has passed, with what it returned.
 */
export async function openRequestTransaction<C>(
  db: Database,
  check: (tx: Transaction) => Promise<{ organizationId: string; caller: C }>,
): Promise<{ transaction: RequestTransaction; caller: C }> {
  const client = (db as unknown as { $client?: Partial<postgres.Sql> }).$client;
  const opened =
    typeof client?.reserve === 'function'
      ? await onReservedConnection(db, client as postgres.Sql, check)
      : await inTransactionCallback(db, check);
  const { organizationId, caller, tx, end } = opened;
  let open = true;

  const transaction: RequestTransaction = {
    db,
    organizationId,
    join<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> | undefined {
      if (!open) return undefined;
      open = false;
      return (async () => {
        let result: T;
        try {
          result = await fn(tx);
        } catch (error) {
          await end({ ok: false, error });
          throw error;
        }
        // COMMIT itself may fail (e.g. a deferred constraint): then the work is not there.
        const failure = await end({ ok: true });
        if (failure !== undefined) throw failure;
        return result;
      })();
    },
    async release() {
      if (!open) return;
      open = false;
      const failure = await end({ ok: true });
      if (failure !== undefined) throw failure;
    },
  };
  return { transaction, caller };
}

type Outcome = { ok: true } | { ok: false; error: unknown };

/** A transaction begun and checked, ended by `end` (which answers the error, if any). */
interface CheckedTransaction<C> {
  organizationId: string;
  caller: C;
  tx: Transaction;
  end(outcome: Outcome): Promise<unknown>;
}

/**
 * PostgreSQL (postgres.js): BEGIN goes out in the same write as the caller check, on a
 * connection reserved for the request, instead of waiting for its own round trip as
 * `sql.begin` does; COMMIT or ROLLBACK ends it and the connection goes back to the pool.
 */
async function onReservedConnection<C>(
  db: Database,
  client: postgres.Sql,
  check: (tx: Transaction) => Promise<{ organizationId: string; caller: C }>,
): Promise<CheckedTransaction<C>> {
  const reserved = await client.reserve();
  const tx = transactionOn(db, reserved);
  let ended: Promise<unknown> | undefined;
  const end = (outcome: Outcome): Promise<unknown> =>
    (ended ??= (async () => {
      try {
        await reserved.unsafe(outcome.ok ? 'commit' : 'rollback');
        return outcome.ok ? undefined : outcome.error;
      } catch (error) {
        return error;
      } finally {
        reserved.release();
      }
    })());
  try {
    const begun = reserved.unsafe('begin');
    // Queued now, so it is written before the check's statements (and in the same write).
    begun.then(
      () => undefined,
      () => undefined,
    );
    const [, passed] = await Promise.all([begun, check(tx)]);
    return { ...passed, tx, end };
  } catch (error) {
    await end({ ok: false, error });
    throw error;
  }
}

/** What drizzle's postgres-js database keeps of its session (drizzle-orm 0.45 internals). */
interface PostgresJsInternals {
  _: {
    session: {
      dialect: PgDialect;
      schema: RelationalSchemaConfig<TablesRelationalConfig> | undefined;
      options: PostgresJsSessionOptions;
    };
  };
}

/**
 * A drizzle transaction over a reserved connection, made the way drizzle makes one inside
 * `sql.begin` (same dialect, relational schema and options as the pool's database), so
 * nothing is rebuilt per request: `drizzle(reserved, { schema })` would re-derive the
 * relational config of every table each time, which cost more than the round trip saved.
 */
function transactionOn(db: Database, reserved: postgres.ReservedSql): Transaction {
  const { dialect, schema, options } = (db as unknown as PostgresJsInternals)._.session;
  // drizzle types the session of a transaction as holding `sql.begin`'s TransactionSql; a
  // reserved connection runs the same queries (savepoint() and prepare() are never called).
  const session = new PostgresJsSession(reserved as unknown as postgres.Sql, dialect, schema, options);
  type TransactionSession = ConstructorParameters<typeof PostgresJsTransaction>[1];
  return new PostgresJsTransaction(
    dialect,
    session as unknown as TransactionSession,
    schema,
  ) as unknown as Transaction;
}

/** Any other driver (PGlite): drizzle's transaction, held open until `end`. */
async function inTransactionCallback<C>(
  db: Database,
  check: (tx: Transaction) => Promise<{ organizationId: string; caller: C }>,
): Promise<CheckedTransaction<C>> {
  let checked!: (value: { organizationId: string; caller: C; tx: Transaction }) => void;
  let refused!: (error: unknown) => void;
  const ready = new Promise<{ organizationId: string; caller: C; tx: Transaction }>((resolve, reject) => {
    checked = resolve;
    refused = reject;
  });
  // What ends the transaction: a success commits, an error rolls back.
  let finish!: (outcome: Outcome) => void;
  const finished = new Promise<Outcome>((resolve) => {
    finish = resolve;
  });
  const done = db
    .transaction(async (tx) => {
      let passed: { organizationId: string; caller: C };
      try {
        passed = await check(tx);
      } catch (error) {
        refused(error);
        throw error;
      }
      checked({ ...passed, tx });
      const outcome = await finished;
      if (!outcome.ok) throw outcome.error;
    })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  // A connection or BEGIN failure never reaches `check`: refuse the request with it.
  void done.then((error) => {
    if (error !== undefined) refused(error);
  });
  const passed = await ready;
  return {
    ...passed,
    end: (outcome) => {
      finish(outcome);
      return done;
    },
  };
}

/** Runs `fn` with `transaction` as the request's open transaction (see `withTenant`). */
export function runInRequestTransaction<T>(
  transaction: RequestTransaction,
  fn: () => Promise<T>,
): Promise<T> {
  return current.run(transaction, fn);
}

/** The request's open transaction, if this code runs inside one. */
export function currentRequestTransaction(): RequestTransaction | undefined {
  return current.getStore();
}
