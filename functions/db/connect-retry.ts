import type postgres from 'postgres';

type Sql = postgres.Sql<Record<string, postgres.PostgresType>>;

/**
 * Failures of opening a connection, after which the statement was never sent: safe to send
 * again. A paused Aurora Serverless v2 holds new connections while it resumes (~15 s, 30 s and
 * more after a day asleep): the driver's connect timeout fires, or the server answers
 * "the database system is starting up" (57P03), or refuses the socket meanwhile.
 */
const NOT_SENT = new Set([
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P03',
]);
/** Also connection failures, but one can strike a statement in flight: retried only before any ran. */
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED']);

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** True when the database could not be reached at all (the request may say "try again"). */
export function isConnectFailure(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && (NOT_SENT.has(code) || CONNECTION_LOST.has(code));
}

/**
 * Thrown when the database stayed out of reach through every attempt. `retryAfterSeconds`
 * is a fair guess of when it will answer (it keeps resuming after we give up).
 */
export class DatabaseUnavailableError extends Error {
  readonly code = 'database_unavailable';
  readonly retryAfterSeconds = 10;
  constructor(
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(
      `The database did not accept a connection in ${attempts} attempt(s) (${codeOf(options.cause) ?? 'unknown error'}); a paused Aurora may still be resuming`,
      options,
    );
    this.name = 'DatabaseUnavailableError';
  }
}

/** The DatabaseUnavailableError behind an error (drizzle wraps driver errors as their `cause`). */
export function databaseUnavailable(error: unknown): DatabaseUnavailableError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof DatabaseUnavailableError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface ConnectRetryOptions {
  /** Extra attempts after the first (each waits up to the driver's connect timeout). */
  retries: number;
  /** Called before each retry, e.g. to log it. */
  onRetry?: (error: unknown, attempt: number) => void;
}

async function withRetries<T>(
  run: () => Promise<T>,
  canRetry: (error: unknown) => boolean,
  options: ConnectRetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!canRetry(error)) throw error;
      if (attempt > options.retries) throw new DatabaseUnavailableError(attempt, { cause: error });
      options.onRetry?.(error, attempt);
    }
  }
}

/**
 * The lazy query drizzle gets from `unsafe()`: it runs when awaited (after an optional
 * `.values()`, the two things drizzle does with it), sending the statement again only when
 * the connection could not be opened.
 */
class RetryingQuery implements PromiseLike<unknown> {
  private asValues = false;
  private running?: Promise<unknown>;

  constructor(
    private readonly start: () => postgres.PendingQuery<postgres.Row[]>,
    private readonly options: ConnectRetryOptions,
  ) {}

  values(): this {
    this.asValues = true;
    return this;
  }

  then<A = unknown, B = never>(
    onFulfilled?: ((value: unknown) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.running ??= withRetries(
      async () => {
        const query = this.start();
        return this.asValues ? await query.values() : await query;
      },
      (error) => NOT_SENT.has(codeOf(error) ?? ''),
      this.options,
    );
    return this.running.then(onFulfilled, onRejected);
  }
}

/**
 * The postgres.js client with connection failures retried, as drizzle uses it: `unsafe()`
 * (single statements) retries only failures that prove the statement was not sent; `reserve()`
 * (a request's connection) retries any failure to open one; `begin()`
 * (transactions) retries any connection failure that happens before the transaction's
 * callback starts, and never once it has, so no statement can run twice.
 */
export function retryConnects(client: Sql, options: ConnectRetryOptions): Sql {
  if (options.retries <= 0) return client;
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (...args: Parameters<Sql['unsafe']>) =>
          new RetryingQuery(() => target.unsafe(...args), options);
      }
      if (property === 'reserve') {
        // A connection reserved for one request (request-transaction.ts): nothing is sent until
        // it is handed over, so any failure to open it may be retried.
        return () => withRetries(() => target.reserve(), isConnectFailure, options);
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const callback = args.at(-1) as (sql: postgres.TransactionSql) => unknown;
          const leading = args.slice(0, -1);
          return withRetries(
            () => {
              let started = false;
              const attempt = (sql: postgres.TransactionSql) => {
                started = true;
                return callback(sql);
              };
              return (target.begin as (...a: unknown[]) => Promise<unknown>)(...leading, attempt).catch(
                (error: unknown) => {
                  throw started ? new TransactionStartedError(error) : error;
                },
              );
            },
            isConnectFailure,
            options,
          ).catch((error: unknown) => {
            throw error instanceof TransactionStartedError ? error.original : error;
          });
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/** Marks a failure after the transaction's callback ran, so it is passed on untouched. */
class TransactionStartedError {
  constructor(readonly original: unknown) {}
}
