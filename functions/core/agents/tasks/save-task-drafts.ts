import { and, eq } from 'drizzle-orm';
import { aiAgentTasks } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import type { Platform } from '../../../shared/platforms/catalog';
import { ConflictError, InvalidInputError, NotFoundError, type FieldIssue } from '../../errors';
import type { Clock } from '../../ports';
import { createAgentDraft } from '../../posts/create-agent-draft';
import type { PostWithTargets } from '../../posts/load-post';
import type { PostActor } from '../../posts/post-actor';
import { postEffects, type PostEffects } from '../../posts/post-effects';
import { assertReferences } from '../../posts/references';
import { generateContentOutput } from '../content/generate-content';
import { improveContentOutput } from '../content/improve-content';

/** One draft of a task's output to keep, and the accounts (of the draft's network) it is for. */
export interface DraftPick {
  index: number;
  socialAccountIds: string[];
}

export interface WrittenDraft {
  platform: Platform;
  text: string;
  hashtags: string[];
}

/** The drafts a finished content task wrote, in its output's order. */
function draftsOf(taskType: string, output: unknown): WrittenDraft[] {
  if (taskType === 'content.generate') {
    const parsed = generateContentOutput.safeParse(output);
    if (parsed.success) return parsed.data.drafts;
  }
  if (taskType === 'content.improve') {
    const parsed = improveContentOutput.safeParse(output);
    if (parsed.success) return [{ platform: parsed.data.platform, text: parsed.data.text, hashtags: [] }];
  }
  throw new ConflictError('Only a finished content task (generate or improve) has drafts to keep.');
}

/** The draft's text with its suggested hashtags that the text does not already carry. */
export function postText(draft: WrittenDraft): string {
  const present = new Set((draft.text.match(/#[\p{L}\p{N}_]+/gu) ?? []).map((t) => t.toLowerCase()));
  const missing = draft.hashtags
    .map((tag) => (tag.startsWith('#') ? tag : `#${tag}`))
    .filter((tag) => !present.has(tag.toLowerCase()));
  return missing.length === 0 ? draft.text : `${draft.text}\n\n${missing.join(' ')}`;
}

/**
 * Keeps drafts of a content task as posts: each becomes a post awaiting approval (an agent
 * wrote it, so a person approves it whatever the policy), for accounts of the draft's own
 * network. All or nothing: a bad pick refuses the lot.
 */
export async function saveTaskDrafts(
  tx: Transaction,
  ports: { clock: Clock },
  actor: PostActor,
  taskId: string,
  picks: readonly DraftPick[] | undefined,
): Promise<{ posts: PostWithTargets[]; effects: PostEffects }> {
  const [task] = await tx
    .select()
    .from(aiAgentTasks)
    .where(and(eq(aiAgentTasks.id, taskId), eq(aiAgentTasks.organizationId, actor.organizationId)));
  if (!task) throw new NotFoundError('The task');
  if (task.status !== 'completed') throw new ConflictError(`The task has not finished (${task.status}).`);
  const drafts = draftsOf(task.taskType, task.outputData);
  if (!picks)
    throw new InvalidInputError('Say which drafts to keep.', [{ field: 'body.drafts', message: 'Required' }]);

  const issues: FieldIssue[] = [];
  for (const [i, pick] of picks.entries()) {
    const draft = drafts[pick.index];
    if (!draft) {
      issues.push({ field: `body.drafts.${i}.index`, message: `The task wrote ${drafts.length} draft(s)` });
      continue;
    }
    const accounts = await assertReferences(
      tx,
      actor.organizationId,
      { targets: pick.socialAccountIds.map((socialAccountId) => ({ socialAccountId })) },
      `body.drafts.${i}`,
    );
    for (const [id, account] of accounts) {
      if (account.platform !== draft.platform)
        issues.push({
          field: `body.drafts.${i}.socialAccountIds`,
          message: `Account ${id} is on ${account.platform}; this draft was written for ${draft.platform}`,
        });
    }
  }
  if (issues.length > 0) throw new InvalidInputError('Some drafts cannot be kept as given.', issues);

  const saved: PostWithTargets[] = [];
  const emails: string[] = [];
  for (const pick of picks) {
    const draft = drafts[pick.index]!;
    const { post, effects } = await createAgentDraft(
      tx,
      ports,
      {
        organizationId: actor.organizationId,
        requestedBy: actor.userId,
        agentType: task.agentType,
        source: `task ${task.id}`,
        model: task.modelUsed,
        prompt: JSON.stringify(task.inputData),
        audit: actor.audit,
      },
      {
        content: postText(draft),
        targets: pick.socialAccountIds.map((socialAccountId) => ({ socialAccountId })),
      },
    );
    saved.push(post);
    emails.push(...effects.emails);
  }
  return {
    posts: saved,
    effects: postEffects(
      actor.organizationId,
      'created',
      saved.map((p) => p.post.id),
      { emails },
    ),
  };
}
