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

export interface RequestTransactionOptions {
  /** BEGIN READ ONLY: the operation only reads, and a write fails loudly. */
  readOnly?: boolean;
}

/**
 * Opens the request transaction: `check` runs first in it (and throws to refuse the caller,
 * which rolls back), then the transaction waits for the operation's first `withTenant` or for
 * `release`. Resolves once the check has passed, with what it returned.
 */
export async function openRequestTransaction<C>(
  db: Database,
  check: (tx: Transaction) => Promise<{ organizationId: string; caller: C }>,
  options: RequestTransactionOptions = {},
): Promise<{ transaction: RequestTransaction; caller: C }> {
  const client = reservableClient(db);
  const opened = client
    ? await checkedOnReservedConnection(db, client, check, options.readOnly ?? false)
    : await inTransactionCallback(db, check, options.readOnly ?? false);
  const { organizationId, caller, tx, end } = opened;
  return { transaction: requestTransaction(db, organizationId, tx, end), caller };
}

/**
 * Opens a READ ONLY request transaction without waiting for the caller check: `check` (bound
 * statements, run in order; see CompiledStatement#bind) is queued first and the operation's queries follow it on the same
 * connection, so both leave in one write and come back in one round trip. `checked` settles
 * with the rows of the check's last statement; nothing the operation produced may leave the
 * process before it has.
 *
 * Safe only because of what the check must do (functions/http/authenticate.ts): it switches to
 * the tenant role in any case, and sets the organization only for a caller that passes, so a
 * refused caller's queries run as no tenant, and row-level security shows them no rows. And
 * because the transaction is READ ONLY, they cannot write either. That the check runs first is
 * not left to timing: this resolves only once its statements are in the connection's queue.
 *
 * Undefined on a driver that cannot pipeline (PGlite): use `openRequestTransaction` there.
 */
export async function openPipelinedRequestTransaction(
  db: Database,
  organizationId: string,
  check: ReadonlyArray<{ text: string; params: unknown[] }>,
): Promise<{ transaction: RequestTransaction; checked: Promise<Record<string, unknown>[]> } | undefined> {
  const client = reservableClient(db);
  if (!client) return undefined;
  const { tx, end, begun, reserved } = await beginOnReservedConnection(db, client, true);
  const statements = check.map(({ text, params }) => {
    // execute() hands the query to the connection one microtask later (postgres.js Query#handle).
    return reserved.unsafe(text, params as postgres.ParameterOrJSON<never>[]).execute();
  });
  // Queued behind those hand-overs, so by the time this resumes they are all in the queue.
  await null;
  const checked = Promise.all([begun, ...statements]).then(
    (results) => results.at(-1) as Record<string, unknown>[],
  );
  // Whoever holds the request awaits `checked`; until then a refusal is not "unhandled".
  checked.then(ignore, ignore);
  return { transaction: requestTransaction(db, organizationId, tx, end), checked };
}

const ignore = (): undefined => undefined;

function reservableClient(db: Database): postgres.Sql | undefined {
  const client = (db as unknown as { $client?: Partial<postgres.Sql> }).$client;
  return typeof client?.reserve === 'function' ? (client as postgres.Sql) : undefined;
}

function requestTransaction(
  db: Database,
  organizationId: string,
  tx: Transaction,
  end: (outcome: Outcome) => Promise<unknown>,
): RequestTransaction {
  let open = true;
  return {
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
async function checkedOnReservedConnection<C>(
  db: Database,
  client: postgres.Sql,
  check: (tx: Transaction) => Promise<{ organizationId: string; caller: C }>,
  readOnly: boolean,
): Promise<CheckedTransaction<C>> {
  const { tx, end, begun } = await beginOnReservedConnection(db, client, readOnly);
  try {
    const [, passed] = await Promise.all([begun, check(tx)]);
    return { ...passed, tx, end };
  } catch (error) {
    await end({ ok: false, error });
    throw error;
  }
}

/** Reserves a connection and queues BEGIN on it (not yet written: see postgres.js `write`). */
async function beginOnReservedConnection(
  db: Database,
  client: postgres.Sql,
  readOnly: boolean,
): Promise<{
  tx: Transaction;
  end(outcome: Outcome): Promise<unknown>;
  begun: Promise<unknown>;
  reserved: postgres.ReservedSql;
}> {
  const reserved = await client.reserve();
  const tx = transactionOn(db, reserved);
  // Queued now, so it is written before the statements that follow (and in the same write).
  const begun = reserved.unsafe(readOnly ? 'begin read only' : 'begin');
  begun.then(ignore, ignore);
  let ended: Promise<unknown> | undefined;
  const end = (outcome: Outcome): Promise<unknown> => (ended ??= endOnReserved(reserved, outcome));
  return { tx, end, begun, reserved };
}

async function endOnReserved(reserved: postgres.ReservedSql, outcome: Outcome): Promise<unknown> {
  // Awaited even when nothing was written: a reserved connection released with a statement
  // still queued in postgres.js (behind a first-use Parse/Describe) drops that statement, and
  // the next request would inherit the open transaction.
  try {
    await reserved.unsafe(outcome.ok ? 'commit' : 'rollback');
    return outcome.ok ? undefined : outcome.error;
  } catch (error) {
    return error;
  } finally {
    reserved.release();
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

function internalsOf(db: Database): PostgresJsInternals['_']['session'] {
  return (db as unknown as PostgresJsInternals)._.session;
}

/**
 * A drizzle transaction over a reserved connection, made the way drizzle makes one inside
 * `sql.begin` (same dialect, relational schema and options as the pool's database), so
 * nothing is rebuilt per request: `drizzle(reserved, { schema })` would re-derive the
 * relational config of every table each time, which cost more than the round trip saved.
 */
function transactionOn(db: Database, reserved: postgres.ReservedSql): Transaction {
  const { dialect, schema, options } = internalsOf(db);
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
  readOnly: boolean,
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
    .transaction(
      async (tx) => {
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
      },
      // PGlite runs one statement at a time, so waiting for COMMIT costs it nothing extra.
      readOnly ? { accessMode: 'read only' } : undefined,
    )
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
