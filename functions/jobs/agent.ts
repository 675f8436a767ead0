import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { getContainer } from '../adapters/container';
import { TASK_HANDLERS } from '../core/agents/task-handlers';
import { runAgentTask } from '../core/agents/tasks/run-task';
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
