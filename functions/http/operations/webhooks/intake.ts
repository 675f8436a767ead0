import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Container } from '../../../adapters/container';
import { storeWebhookEvent } from '../../../core/webhooks/store-webhook-event';
import type { SignatureCheck } from '../../../core/webhooks/verify-signature';
import { describeWebhookEvent, type WebhookSource } from '../../../core/webhooks/webhook-event';
import type { OperationResult, ResponseBodyOf } from '../../operation';
import { HttpProblem } from '../../problem';
import { header, MAX_JSON_BODY_BYTES } from '../../request';

/**
 * The body exactly as sent. Signatures are over bytes, so the base64 case is decoded to
 * bytes rather than to a string (a string round trip would alter any invalid UTF-8).
 */
export function rawBodyBytes(event: APIGatewayProxyEventV2): Buffer {
  if (!event.body) return Buffer.alloc(0);
  const body = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (body.length > MAX_JSON_BODY_BYTES) {
    throw new HttpProblem(
      413,
      'payload_too_large',
      `Webhook bodies are limited to ${MAX_JSON_BODY_BYTES} bytes.`,
    );
  }
  return body;
}

/**
 * The signature header, refused with 400 when absent. Checked before any secret is read, so
 * an unsigned request is bad input whether or not the network is configured.
 */
export function requireSignatureHeader(event: APIGatewayProxyEventV2, name: string): string {
  const value = header(event, name);
  if (value === undefined || value.trim() === '') {
    throw new HttpProblem(400, 'validation_failed', `The ${name} header is required.`, {
      errors: [{ field: `headers.${name.toLowerCase()}`, message: 'Required' }],
    });
  }
  return value;
}

/** 401 for a signature that does not verify; nothing has been stored at this point. */
export function enforceSignature(
  check: SignatureCheck,
  headerName: string,
  source: WebhookSource,
  container: Container,
): void {
  if (check.ok) return;
  container.logger.warn('Webhook signature rejected', { source, reason: check.reason });
  const detail =
    check.reason === 'malformed'
      ? `The ${headerName} header is not a SHA-256 signature in the expected format.`
      : `The ${headerName} signature does not match the body.`;
  throw new HttpProblem(401, 'unauthorized', detail);
}

/**
 * Stores a verified delivery once and queues its processing, answering at once (platforms
 * time out in seconds and retry). A redelivery is acknowledged without a second row; if its
 * first copy was never processed (say the queue call failed after the insert), it is queued
 * again, so a platform's retry also repairs a lost job. Processing is idempotent.
 */
export async function acceptWebhook(
  container: Container,
  source: WebhookSource,
  body: Buffer,
): Promise<OperationResult<ResponseBodyOf<'receiveTwitterWebhook'>>> {
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpProblem(400, 'malformed_json', 'The webhook body is not valid JSON.');
  }
  const event = describeWebhookEvent(source, body, payload);
  const stored = await storeWebhookEvent(container.db, event);
  if (!stored.processed) {
    await container.queue.send('jobs', { type: 'process-webhook-event', webhookEventId: stored.id });
  }
  container.logger.info('Webhook received', {
    source,
    eventType: event.eventType,
    webhookEventId: stored.id,
    duplicate: stored.duplicate,
  });
  return { status: 200, body: { received: true, duplicate: stored.duplicate } };
}
