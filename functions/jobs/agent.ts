import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { getContainer } from '../adapters/container';
import { TASK_HANDLERS } from '../core/agents/task-handlers';
import { runAgentTask } from '../core/agents/tasks/run-task';
import { RUN_WORKFLOW, runWorkflow } from '../core/agents/workflows/run-workflow';
import type { BackgroundJob } from './background-jobs';
import { processRecords } from './sqs-batch';

const agentMessage = z.object({ taskId: z.uuid() });

/**
 * Worker of the seven agent queues (one deployed function per queue). Messages carry only
 * the `ai_agent_tasks` id; the task row holds the input, so a message can never disagree
 * with what the user asked for. The run claims the task first, so a redelivered message does
 * no work (and spends no tokens) twice.
 */
export const handler = async (event: SQSEvent, _context?: Context): Promise<SQSBatchResponse> => {
  const container = await getContainer();
  return processRecords(event, container.logger, async (record) => {
    const { taskId } = agentMessage.parse(JSON.parse(record.body));
    await runAgentTask(container, TASK_HANDLERS, taskId);
  });
};

const workflowMessage = z.object({ type: z.literal(RUN_WORKFLOW), taskId: z.uuid() });

/**
 * The `jobs` queue's `run-workflow` message: the orchestrator's tasks run there (each step a
 * task of its own agent, run in turn by the same worker).
 */
export const runWorkflowJob: BackgroundJob = async (message, container) => {
  await runWorkflow(container, workflowMessage.parse(message).taskId);
};
