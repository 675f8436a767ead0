import { sql, type SQL } from 'drizzle-orm';
import { check, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Column helpers shared by every table so the conventions hold everywhere: UUID keys made
 * by the database, and every instant stored as `timestamptz` (UTC; the user's IANA zone is
 * kept in its own column). The catalog test fails if a plain `timestamp` slips in.
 */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const primaryId = () => uuid('id').primaryKey().defaultRandom();

export const createdAt = () => timestamptz('created_at').notNull().defaultNow();

/** Set by the repositories on every update (drizzle's `$onUpdate` keeps them honest). */
export const updatedAt = () =>
  timestamptz('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/**
 * `CHECK (column IN (...))` for a closed set of values. Chosen over pg enums because adding
 * a value later is one plain migration that runs inside a transaction on every PostgreSQL.
 */
export function checkIn(name: string, column: AnyPgColumn, values: readonly string[]) {
  const list = values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
  return check(name, sql`${column} in (${sql.raw(list)})`);
}

/** `CHECK (column = lower(column))`: emails are stored normalised so a plain unique works. */
export function checkLowercase(name: string, column: AnyPgColumn): ReturnType<typeof check> {
  const expression: SQL = sql`${column} = lower(${column})`;
  return check(name, expression);
}
