import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { checkIn, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import { SANDBOX_HANDLE_PATTERN, SANDBOX_POST_KINDS, type SandboxPostKind } from '../../shared/enums';

/**
 * The Sandbox network (functions/platforms/sandbox): a simulated social network built into
 * Plume so a new install can publish and watch engagement without any external account.
 *
 * Deliberately NOT tenant tables (no organization_id, no row-level security): the sandbox plays
 * an outside network, and like Bluesky or Mastodon it knows nothing about Plume organizations.
 * Accounts are keyed by their public handle, every post is public on the sandbox feed page
 * (`GET /api/sandbox/feed`), and two organizations that connect the same handle post as the
 * same sandbox account, as two apps authorised on one real account would. Plume's own record
 * of what an organization published stays in the tenant tables (post_platforms).
 */

export { SANDBOX_HANDLE_PATTERN, SANDBOX_POST_KINDS, type SandboxPostKind };

/** A media file attached to a sandbox post, as the publisher handed it over. */
export interface SandboxMediaRecord {
  kind: 'image' | 'video' | 'gif';
  url: string;
  mimeType: string;
  altText?: string;
}

export const sandboxAccounts = pgTable(
  'sandbox_accounts',
  {
    handle: text('handle').primaryKey(),
    displayName: text('display_name').notNull(),
    /** Where the audience lives: the engagement model's activity curve runs in this zone. */
    timeZone: text('time_zone').notNull().default('UTC'),
    /** Audience size when the account was created; it grows slowly with age (see the README). */
    followers: integer('followers').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('sandbox_accounts_handle_check', sql`${t.handle} ~ ${sql.raw(`'${SANDBOX_HANDLE_PATTERN}'`)}`),
    check('sandbox_accounts_followers_check', sql`${t.followers} >= 0`),
  ],
);

export const sandboxPosts = pgTable(
  'sandbox_posts',
  {
    id: primaryId(),
    handle: text('handle')
      .notNull()
      .references(() => sandboxAccounts.handle, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SANDBOX_POST_KINDS }).notNull().default('post'),
    /** The post a reply or comment answers; null for a top-level post. */
    replyToId: uuid('reply_to_id').references((): AnyPgColumn => sandboxPosts.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    media: jsonb('media').$type<SandboxMediaRecord[]>().notNull().default([]),
    publishedAt: timestamptz('published_at').notNull(),
    /** Snapshots taken at publication, so later account changes never rewrite a post's history. */
    followersAtPublish: integer('followers_at_publish').notNull(),
    timeZone: text('time_zone').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    checkIn('sandbox_posts_kind_check', t.kind, SANDBOX_POST_KINDS),
    index('sandbox_posts_published_idx').on(t.publishedAt),
    index('sandbox_posts_handle_published_idx').on(t.handle, t.publishedAt),
    index('sandbox_posts_reply_to_idx').on(t.replyToId),
  ],
);

/**
 * Attempts per draft for the counted failure markers (`#fail-transient-2` fails the first two
 * attempts of that exact draft, then lets it through), so retries can be demonstrated.
 */
export const sandboxPublishAttempts = pgTable('sandbox_publish_attempts', {
  /** `<handle>:<sha256 of the draft>`. */
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull().default(0),
  updatedAt: updatedAt(),
});
