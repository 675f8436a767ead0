import { eq } from 'drizzle-orm';
import { aiAgentTasks } from '../../../db/schema';
import type { Platform } from '../../../shared/platforms/catalog';
import { createAgentDraft } from '../../posts/create-agent-draft';
import { postEffects, type PostEffects } from '../../posts/post-effects';
import type { TaskContext } from '../tasks/task-handler';
import { recordedOutput, storeOutput, type WorkflowDraft, type WorkflowOutput } from './workflow-output';

/** The variant chosen for a slot, and what the content step was asked. */
export interface SlotPick {
  slot: number;
  accountId: string;
  platform: Platform;
  variant: number;
  text: string;
  predictedEngagement: number | null;
  contentTaskId: string;
  model: string | null;
  brief: string;
}

/**
 * The orchestrator's own step: each slot's chosen variant becomes a post in review (the
 * content creator wrote it; a person approves and schedules it). The posts and their record
 * in the workflow's output are written in one transaction under the workflow row's lock, so
 * however often the workflow is delivered or resumed, a slot never gets two posts.
 */
export async function keepWorkflowDrafts(
  context: TaskContext,
  picks: readonly SlotPick[],
  current: WorkflowOutput,
): Promise<{ drafts: WorkflowDraft[]; effects: PostEffects | null }> {
  return context.inTenant(async (tx) => {
    const [locked] = await tx
      .select({ outputData: aiAgentTasks.outputData })
      .from(aiAgentTasks)
      .where(eq(aiAgentTasks.id, context.taskId))
      .for('update');
    const kept = recordedOutput(locked?.outputData, current).drafts;
    if (kept) return { drafts: kept, effects: null };

    const drafts: WorkflowDraft[] = [];
    const emails: string[] = [];
    for (const pick of picks) {
      const { post, effects } = await createAgentDraft(
        tx,
        context,
        {
          organizationId: context.organizationId,
          requestedBy: context.userId,
          agentType: 'content_creator',
          source: `task ${pick.contentTaskId}`,
          model: pick.model,
          prompt: pick.brief,
          audit: { userId: context.userId, organizationId: context.organizationId },
        },
        { content: pick.text, targets: [{ socialAccountId: pick.accountId }] },
      );
      emails.push(...effects.emails);
      drafts.push({
        slot: pick.slot,
        postId: post.post.id,
        accountId: pick.accountId,
        platform: pick.platform,
        variant: pick.variant,
        predictedEngagement: pick.predictedEngagement,
        proposedAt: null,
      });
    }
    await storeOutput(tx, context.taskId, { ...current, drafts });
    return {
      drafts,
      effects: postEffects(
        context.organizationId,
        'created',
        drafts.map((d) => d.postId),
        { emails },
      ),
    };
  });
}
