import { eq, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { postPlatforms, posts, type PostStatus, type PostTargetStatus } from '../../db/schema';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

/**
 * A post's status from its targets' statuses. Anything still moving (publishing, scheduled)
 * wins, so the list shows that work is pending; a mix of live and not-live targets is
 * `partially_published` so a half-failed post is never shown as simply published.
 */
export function derivePostStatus(targets: readonly PostTargetStatus[]): PostStatus {
  const live = targets.filter((s) => s !== 'cancelled');
  if (targets.length === 0) return 'draft';
  if (live.length === 0) return 'cancelled';
  const set = new Set(live);
  if (set.size === 1) return live[0]!;
  for (const moving of ['publishing', 'scheduled'] as const) if (set.has(moving)) return moving;
  if (set.has('published')) return 'partially_published';
  for (const stuck of ['unconfirmed', 'failed', 'missed'] as const) if (set.has(stuck)) return stuck;
  return 'draft';
}

/** Recomputes a post's status, schedule and publish time from its targets (same transaction). */
export async function refreshPostStatus(tx: Tx, postId: string): Promise<PostStatus> {
  const targets = await tx
    .select({
      status: postPlatforms.status,
      scheduledAt: postPlatforms.scheduledAt,
      publishedAt: postPlatforms.publishedAt,
    })
    .from(postPlatforms)
    .where(eq(postPlatforms.postId, postId));
  const status = derivePostStatus(targets.map((t) => t.status));
  const times = (values: (Date | null)[]) =>
    values.filter((v): v is Date => v !== null).map((v) => v.getTime());
  const scheduled = times(targets.filter((t) => t.status !== 'cancelled').map((t) => t.scheduledAt));
  const published = times(targets.map((t) => t.publishedAt));
  await tx
    .update(posts)
    .set({
      status,
      scheduledAt: scheduled.length > 0 ? new Date(Math.min(...scheduled)) : null,
      publishedAt: published.length > 0 ? new Date(Math.max(...published)) : null,
      updatedAt: sql`now()`,
    })
    .where(eq(posts.id, postId));
  return status;
}
