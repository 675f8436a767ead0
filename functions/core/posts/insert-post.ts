import { eq } from 'drizzle-orm';
import { posts, users } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { createDraftTargets } from '../publishing/post-target-transitions';
import type { PostInput, TargetInput } from './post-input';

/** A target's own variants; null means "use the post's". */
export const targetValues = (t: TargetInput) => ({
  content: t.content ?? null,
  thread: t.thread ?? null,
  mediaIds: t.mediaIds ?? null,
  firstComment: t.firstComment ?? null,
  options: t.options ?? null,
});

/** Inserts a post and its targets as drafts; returns the post id. */
export async function insertPost(
  tx: Transaction,
  organizationId: string,
  userId: string,
  input: PostInput & { content: string; targets: TargetInput[]; timezone: string },
  now: Date,
): Promise<string> {
  const [post] = await tx
    .insert(posts)
    .values({
      organizationId,
      userId,
      title: input.title ?? null,
      content: input.content,
      thread: input.thread ?? null,
      mediaIds: input.mediaIds ?? [],
      contentType: input.contentType ?? ((input.mediaIds ?? []).length > 0 ? 'image' : 'text'),
      timezone: input.timezone,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: posts.id });
  await createDraftTargets(
    tx,
    input.targets.map((t) => ({
      organizationId,
      postId: post!.id,
      socialAccountId: t.socialAccountId,
      ...targetValues(t),
      createdAt: now,
      updatedAt: now,
    })),
    'created',
    now,
  );
  return post!.id;
}

/** The author's profile zone: where a post without its own zone is scheduled. */
export async function authorZone(tx: Transaction, userId: string): Promise<string> {
  const [user] = await tx.select({ timezone: users.timezone }).from(users).where(eq(users.id, userId));
  return user?.timezone ?? 'UTC';
}
