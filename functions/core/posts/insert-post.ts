import { eq, sql } from 'drizzle-orm';
import { posts, users, type PostApprovalStatus } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import type { PostRow } from '../publishing/drafts';
import { createDraftTargets, type PostTarget } from '../publishing/post-target-transitions';
import type { PostInput, TargetInput } from './post-input';

/** A target's own variants; null means "use the post's". */
export const targetValues = (t: TargetInput) => ({
  content: t.content ?? null,
  thread: t.thread ?? null,
  mediaIds: t.mediaIds ?? null,
  firstComment: t.firstComment ?? null,
  options: t.options ?? null,
});

/** What a post starts with besides its content: its approval status, and an agent's marks. */
export type PostOrigin = Partial<
  Pick<typeof posts.$inferInsert, 'aiGenerated' | 'aiAgentId' | 'aiPrompt' | 'aiModelUsed'>
> & { approvalStatus: PostApprovalStatus };

/**
 * Inserts a post and its targets as drafts, all at once (the post's id is made here, so its
 * targets need not wait for it), and returns the new rows. Without a zone of its own the post
 * takes its author's profile zone, read in the same statement.
 */
export async function insertPost(
  tx: Transaction,
  organizationId: string,
  /** The author; null for an agent's draft that no person asked for (a scheduled workflow). */
  userId: string | null,
  input: PostInput & { content: string; targets: TargetInput[]; timezone?: string },
  now: Date,
  origin: PostOrigin,
  id: string = crypto.randomUUID(),
): Promise<{ post: PostRow; targets: PostTarget[] }> {
  const [[post], targets] = await Promise.all([
    tx
      .insert(posts)
      .values({
        id,
        organizationId,
        userId,
        title: input.title ?? null,
        content: input.content,
        thread: input.thread ?? null,
        mediaIds: input.mediaIds ?? [],
        contentType: input.contentType ?? ((input.mediaIds ?? []).length > 0 ? 'image' : 'text'),
        timezone:
          input.timezone ??
          (userId === null
            ? 'UTC'
            : sql`coalesce((select ${users.timezone} from ${users} where ${users.id} = ${userId}), 'UTC')`),
        ...origin,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .execute(),
    createDraftTargets(
      tx,
      input.targets.map((t) => ({
        organizationId,
        postId: id,
        socialAccountId: t.socialAccountId,
        ...targetValues(t),
        createdAt: now,
        updatedAt: now,
      })),
      'created',
      now,
    ),
  ]);
  return { post: post!, targets };
}

/** The author's profile zone: where a post without its own zone is scheduled. */
export async function authorZone(tx: Transaction, userId: string): Promise<string> {
  const [user] = await tx.select({ timezone: users.timezone }).from(users).where(eq(users.id, userId));
  return user?.timezone ?? 'UTC';
}
