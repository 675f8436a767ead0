import type { AccountCredentials, PostMetrics } from '../connector';
import { sandboxEngagement, type SandboxEngagement } from './engagement-model';
import { authenticatedAccount } from './publish';
import type { SandboxRuntime } from './runtime';
import { sandboxPostsByIds } from './store';

/**
 * Engagement of sandbox posts now (the connector's clock), from the model in
 * engagement-model.ts. Any sandbox post can be read, as public posts can elsewhere; ids that
 * do not exist (deleted, or not sandbox ids) are left out of the answer.
 */
export async function fetchSandboxMetrics(
  runtime: SandboxRuntime,
  credentials: AccountCredentials,
  platformPostIds: string[],
): Promise<PostMetrics[]> {
  await authenticatedAccount(runtime, credentials);
  const posts = await sandboxPostsByIds(await runtime.database(), platformPostIds);
  const byId = new Map(posts.map((post) => [post.id, post]));
  const now = runtime.context.clock.now();
  const metrics: PostMetrics[] = [];
  for (const id of platformPostIds) {
    const post = byId.get(id.toLowerCase());
    if (!post) continue;
    metrics.push({ platformPostId: id, ...sandboxEngagement(post, now), fetchedAt: now });
  }
  return metrics;
}

export type { SandboxEngagement };
