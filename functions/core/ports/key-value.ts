/**
 * Small, short-lived records keyed by partition + sort key (DynamoDB in AWS): WebSocket
 * connections, rate-limit counters, idempotency keys, single-use tickets. Every record
 * may carry a TTL; expired records are never returned even before the store purges them.
 */
export interface KeyValueItem<T = unknown> {
  pk: string;
  sk: string;
  value: T;
  /** Absolute expiry, seconds since the epoch. */
  expiresAt?: number;
}

export interface KeyValue {
  get<T = unknown>(pk: string, sk: string): Promise<KeyValueItem<T> | undefined>;
  put<T = unknown>(item: KeyValueItem<T>): Promise<void>;
  /** Writes only when no live item has this key; returns false when one exists. */
  putIfAbsent<T = unknown>(item: KeyValueItem<T>): Promise<boolean>;
  /** Reads and deletes in one step (single-use tickets); undefined when absent or expired. */
  take<T = unknown>(pk: string, sk: string): Promise<KeyValueItem<T> | undefined>;
  delete(pk: string, sk: string): Promise<void>;
  /**
   * The live items under a partition key, in sort-key order: every one, or the first `atMost`
   * (enough to tell "a few" from "many" without reading them all).
   */
  query<T = unknown>(pk: string, options?: { atMost?: number }): Promise<KeyValueItem<T>[]>;
  /**
   * Atomically adds `by` to a numeric counter, creating it with `expiresAt` when absent
   * or expired, and returns the new value (fixed-window rate limiting).
   */
  increment(pk: string, sk: string, by: number, expiresAt: number): Promise<number>;
}
