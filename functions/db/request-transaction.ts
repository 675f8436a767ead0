import { AsyncLocalStorage } from 'node:async_hooks';
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
  let checked!: (value: { organizationId: string; caller: C; tx: Transaction }) => void;
  let refused!: (error: unknown) => void;
  const ready = new Promise<{ organizationId: string; caller: C; tx: Transaction }>((resolve, reject) => {
    checked = resolve;
    refused = reject;
  });
  // What the joined callback hands back to end the transaction: its result commits, its
  // error rolls back.
  let finish!: (outcome: { ok: true } | { ok: false; error: unknown }) => void;
  const finished = new Promise<{ ok: true } | { ok: false; error: unknown }>((resolve) => {
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

  const { organizationId, caller, tx } = await ready;
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
          finish({ ok: false, error });
          await done;
          throw error;
        }
        finish({ ok: true });
        const failure = await done;
        // COMMIT itself failed (e.g. a deferred constraint): the work is not there.
        if (failure !== undefined) throw failure;
        return result;
      })();
    },
    async release() {
      if (!open) return;
      open = false;
      finish({ ok: true });
      const failure = await done;
      if (failure !== undefined) throw failure;
    },
  };
  return { transaction, caller };
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
