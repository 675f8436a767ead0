import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, timestamptz, updatedAt } from './columns';
import { users } from './users';

/**
 * One-time schedules of the LOCAL scheduler adapter (EventBridge Scheduler plays this role in
 * AWS). Kept in the database so `npm start` survives a restart without losing schedules.
 * Not a tenant table.
 */
export const scheduledJobs = pgTable(
  'scheduled_jobs',
  {
    /** The schedule name (`post-target-<uuid>`); scheduling again replaces the row. */
    name: text('name').primaryKey(),
    fireAt: timestamptz('fire_at').notNull(),
    timezone: text('timezone').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
    firedAt: timestamptz('fired_at'),
  },
  (t) => [
    index('scheduled_jobs_due_idx')
      .on(t.fireAt)
      .where(sql`${t.firedAt} is null`),
  ],
);

/** Platform-wide settings (`maintenance_mode`...). Not a tenant table. */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});
