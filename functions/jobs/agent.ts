import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { getContainer } from '../adapters/container';
import { AGENT_QUEUES } from '../core/ports';
import { processRecords, queueNameOf } from './sqs-batch';

const agentMessage = z.object({ taskId: z.uuid() });
type AgentQueue = (typeof AGENT_QUEUES)[number];

/** Which agent a record is for: the queue it came from (`plume-agent-...`), else AGENT_QUEUE. */
function agentOf(eventSourceQueue: string): AgentQueue | undefined {
  const fromArn = AGENT_QUEUES.find((q) => eventSourceQueue.endsWith(q));
  return fromArn ?? AGENT_QUEUES.find((q) => q === process.env.AGENT_QUEUE);
}

/**
 * Worker of the seven agent queues (one deployed function per queue). Messages carry only
 * the `ai_agent_tasks` id; the task row holds the input, so a message can never disagree
 * with what the user asked for. The agents themselves arrive with the AI milestone; until
 * then a task message fails and is retried into the DLQ rather than vanishing.
 */
export const handler = async (event: SQSEvent, _context?: Context): Promise<SQSBatchResponse> => {
  const { logger } = await getContainer();
  return processRecords(event, logger, async (record) => {
    const { taskId } = agentMessage.parse(JSON.parse(record.body));
    const agent = agentOf(queueNameOf(record));
    if (!agent) throw new Error(`Record from ${record.eventSourceARN} is not from an agent queue`);
    throw new Error(`Agent ${agent} cannot run task ${taskId}: no agent implementation is deployed`);
  });
};
