import * as z from 'zod';
import { runWorkflow } from '../core/agents/workflows/run-workflow';
import { RUN_WORKFLOW } from '../shared/agents/workflows';
import type { BackgroundJob } from './background-jobs';

const workflowMessage = z.object({ type: z.literal(RUN_WORKFLOW), taskId: z.uuid() });

/**
 * The `jobs` queue's `run-workflow` message: the orchestrator's tasks run in the background
 * worker (each step a task of its own agent, run in turn by the same worker).
 */
export const runWorkflowJob: BackgroundJob = async (message, container) => {
  await runWorkflow(container, workflowMessage.parse(message).taskId);
};
