import { and, eq, inArray } from 'drizzle-orm';
import { agentAlerts, mentions, socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import type { LoadedMention } from '../agents/crisis';
import { createAgentDraft } from '../posts/create-agent-draft';
import type { PostEffects } from '../posts/post-effects';
import type { AgentAlertRow } from './alert-notifications';

/**
 * The holding statement: acknowledge, say someone is on it, promise an update. Short enough for
 * every network's limit (X's 280 counted characters included), no claim of facts the crisis
 * manager cannot know. It is a template, and the review history says so: a person edits it,
 * then approves it.
 */
export const HOLDING_STATEMENT =
  'We have seen your messages and we are sorry for the trouble. Our team is looking into it now, ' +
  'and we will post an update here as soon as we know more. Thank you for your patience.';

/**
 * When a crisis is raised: a drafted answer awaiting a person's approval. One post per alert
 * (the alert's details carry `responsePostId`, and the alert row is locked by the caller), on
 * the connected accounts the alert's negative mentions came to; the sampled mentions point to
 * it (`mentions.response_post_id`). Nothing is scheduled: the approval flow holds it.
 */
export async function draftCrisisResponse(
  tx: Transaction,
  now: Date,
  alert: AgentAlertRow,
  samples: readonly LoadedMention[],
): Promise<{ postId: string; effects: PostEffects } | null> {
  if (typeof alert.details.responsePostId === 'string') return null;
  const accountIds = [
    ...new Set(samples.map((m) => m.socialAccountId).filter((id): id is string => id !== null)),
  ];
  if (accountIds.length === 0) return null;
  const usable = await tx
    .select({ id: socialAccounts.id })
    .from(socialAccounts)
    .where(
      and(
        inArray(socialAccounts.id, accountIds),
        eq(socialAccounts.organizationId, alert.organizationId),
        eq(socialAccounts.status, 'active'),
        eq(socialAccounts.isActive, true),
      ),
    );
  if (usable.length === 0) return null;
  const { post, effects } = await createAgentDraft(
    tx,
    { clock: { now: () => now } },
    {
      organizationId: alert.organizationId,
      requestedBy: null,
      agentType: 'crisis_manager',
      source: `alert ${alert.id}, a holding statement from a template: edit it before approving`,
      model: null,
      prompt: alert.title,
      audit: { organizationId: alert.organizationId, userId: null },
    },
    { content: HOLDING_STATEMENT, targets: usable.map((a) => ({ socialAccountId: a.id })) },
  );
  const postId = post.post.id;
  await tx
    .update(agentAlerts)
    .set({ details: { ...alert.details, responsePostId: postId } })
    .where(eq(agentAlerts.id, alert.id));
  await tx
    .update(mentions)
    .set({ responsePostId: postId })
    .where(
      and(
        eq(mentions.organizationId, alert.organizationId),
        inArray(
          mentions.id,
          samples.map((m) => m.id),
        ),
      ),
    );
  return { postId, effects };
}
