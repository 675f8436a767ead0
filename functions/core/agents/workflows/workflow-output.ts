import { eq } from 'drizzle-orm';
import * as z from 'zod';
import { aiAgentTasks } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { AGENT_TASK_STATUSES } from '../../../shared/agents/agent-types';
import { AGENT_TASK_TYPE_NAMES } from '../../../shared/agents/task-types';
import { PLATFORM_IDS } from '../../../shared/platforms/catalog';
import { WORKFLOW_NAMES } from '../../../shared/agents/workflows';

export const workflowStep = z.object({
  key: z.string(),
  taskType: z.enum(AGENT_TASK_TYPE_NAMES),
  taskId: z.uuid(),
  status: z.enum(AGENT_TASK_STATUSES),
});
export type WorkflowStep = z.infer<typeof workflowStep>;

export const workflowSlot = z.object({
  slot: z.number().int(),
  accountId: z.uuid(),
  platform: z.enum(PLATFORM_IDS),
  /** The rising term the slot's post is about; null when nothing was rising. */
  term: z.string().nullable(),
});
export type WorkflowSlot = z.infer<typeof workflowSlot>;

export const workflowDraft = z.object({
  slot: z.number().int(),
  postId: z.uuid(),
  accountId: z.uuid(),
  platform: z.enum(PLATFORM_IDS),
  /** The variant kept, and its predicted engagement (null when the history could not predict). */
  variant: z.number().int(),
  predictedEngagement: z.number().nullable(),
  /** The time the smart scheduler proposed; the target stays a draft until a person schedules it. */
  proposedAt: z.string().nullable(),
});
export type WorkflowDraft = z.infer<typeof workflowDraft>;

/**
 * A workflow task's output: kept up to date while it runs (so a failed workflow still shows
 * its plan, which steps finished and which failed, and a resume reuses what finished).
 */
export const workflowOutput = z.object({
  workflow: z.enum(WORKFLOW_NAMES),
  slots: z.array(workflowSlot),
  steps: z.array(workflowStep),
  drafts: z.array(workflowDraft).nullable(),
  summary: z.string(),
});
export type WorkflowOutput = z.infer<typeof workflowOutput>;

/** The workflow's recorded state, or a fresh one when it never ran (or ran on another shape). */
export function recordedOutput(stored: unknown, fresh: WorkflowOutput): WorkflowOutput {
  const parsed = workflowOutput.safeParse(stored);
  return parsed.success && parsed.data.workflow === fresh.workflow ? parsed.data : fresh;
}

/** Stores the workflow's state in its row (read back by a resume). */
export async function storeOutput(tx: Transaction, workflowId: string, output: WorkflowOutput): Promise<void> {
  await tx.update(aiAgentTasks).set({ outputData: output }).where(eq(aiAgentTasks.id, workflowId));
}

/** The step's last recorded run under `key`. */
export const stepOf = (output: WorkflowOutput, key: string): WorkflowStep | undefined =>
  output.steps.findLast((step) => step.key === key);
