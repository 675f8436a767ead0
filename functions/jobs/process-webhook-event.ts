import * as z from 'zod';
import type { Container } from '../adapters/container';
import { processWebhookEvent } from '../core/webhooks/process-webhook-event';

const message = z.object({ type: z.literal('process-webhook-event'), webhookEventId: z.uuid() });

/** Background job queued by webhook intake; idempotent, so SQS redelivery is harmless. */
export async function processWebhookEventJob(raw: unknown, container: Container): Promise<void> {
  const { webhookEventId } = message.parse(raw);
  await processWebhookEvent(container, webhookEventId);
}
