import type { Transaction } from '../../db/tenant';
import type { AgentType } from '../../shared/agents/agent-types';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { takePendingEmails } from '../notifications/email-outbox';
import type { Clock } from '../ports';
import { postReviews } from '../../db/schema';
import { loadApprovalPolicy } from './approval/load-approval-policy';
import { notifyReviewStep } from './approval/review-notifications';
import { insertPost } from './insert-post';
import { loadPost } from './load-post';
import { postEffects } from './post-effects';
import type { NewPostInput } from './post-input';
import type { PostOutcome } from './post-outcome';
import { assertReferences } from './references';

/** Which agent wrote a draft, for whom, and from what. */
export interface AgentAuthor {
  organizationId: string;
  /** The person whose request (task or workflow) the agent was working on; the post's author. */
  requestedBy: string | null;
  agentType: AgentType;
  /** What the agent was working on, as the review history names it: `task <id>`, `alert <id>`. */
  source: string;
  model: string | null;
  /** What the agent was asked, kept with the post (posts.ai_prompt). */
  prompt: string;
  audit: AuditActor;
}

/**
 * A post an agent wrote: created straight into review (`in_review`, never `not_required`,
 * whatever the organization's policy), marked as AI-generated with its agent, task and model,
 * its first review step written as taken by the system, and everyone who may approve told.
 * Nothing here schedules: a person approves, then schedules.
 */
export async function createAgentDraft(
  tx: Transaction,
  ports: { clock: Clock },
  author: AgentAuthor,
  input: NewPostInput,
  field = 'body',
): Promise<PostOutcome> {
  const now = ports.clock.now();
  const { organizationId } = author;
  const [, policy] = await Promise.all([
    assertReferences(tx, organizationId, input, field),
    loadApprovalPolicy(tx, organizationId),
  ]);
  const { post } = await insertPost(tx, organizationId, author.requestedBy, input, now, {
    approvalStatus: 'in_review',
    aiGenerated: true,
    aiAgentId: author.agentType,
    aiPrompt: author.prompt.slice(0, 10_000),
    aiModelUsed: author.model,
  });
  await tx.insert(postReviews).values({
    organizationId,
    postId: post.id,
    userId: null,
    action: 'submitted',
    fromStatus: null,
    toStatus: 'in_review',
    comment: `Written by the ${author.agentType.replace(/_/g, ' ')} agent (${author.source}).`,
    createdAt: now,
  });
  await recordAudit(tx, author.audit, {
    action: 'create',
    resourceType: 'post',
    resourceId: post.id,
    newValues: { agent: author.agentType, source: author.source, approvalStatus: 'in_review' },
  });
  await notifyReviewStep(tx, { policy, post, step: 'submitted', actorId: null, comment: undefined });
  return {
    post: await loadPost(tx, organizationId, post.id),
    effects: postEffects(organizationId, 'created', [post.id], { emails: takePendingEmails(tx) }),
  };
}
