import { createHash } from 'node:crypto';

/** Senders whose events arrive at `/api/webhooks/<source>` (Stripe is billing's). */
export const WEBHOOK_SOURCES = ['facebook', 'twitter', 'linkedin'] as const;
export type WebhookSource = (typeof WEBHOOK_SOURCES)[number];

/** A verified delivery, ready to be stored once. */
export interface InboundWebhookEvent {
  source: WebhookSource;
  /** The sender's event id, else `sha256:<hex of the raw body>`: a redelivery has the same id. */
  externalId: string;
  eventType: string;
  data: unknown;
}

const MAX_EXTERNAL_ID = 255;
const MAX_EVENT_TYPE = 100;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function bodyHashId(rawBody: Uint8Array): string {
  return `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}

/** `page.feed,mention`: the object and the fields that changed (Meta sends no event id or type). */
function metaEventType(payload: Json): string {
  const object = typeof payload.object === 'string' ? payload.object : 'unknown';
  const fields = new Set<string>();
  for (const entry of Array.isArray(payload.entry) ? payload.entry : []) {
    if (!isObject(entry)) continue;
    for (const change of Array.isArray(entry.changes) ? entry.changes : []) {
      if (isObject(change) && typeof change.field === 'string') fields.add(change.field);
    }
    if (Array.isArray(entry.messaging)) fields.add('messaging');
  }
  return fields.size > 0 ? `${object}.${[...fields].sort().join(',')}` : object;
}

/** Account Activity payloads name their kind by key: `tweet_create_events`, `user_event`... */
function twitterEventType(payload: Json): string {
  const kinds = Object.keys(payload).filter(
    (key) => key !== 'for_user_id' && key !== 'user_has_blocked' && key !== 'source',
  );
  return kinds.length > 0 ? kinds.sort().join(',') : 'unknown';
}

function linkedInEventType(payload: Json): string {
  return typeof payload.type === 'string' && payload.type.length > 0 ? payload.type : 'notification';
}

/**
 * Names and identifies a verified payload. Only LinkedIn sends an id (`notificationId`, which
 * its docs say to deduplicate on); Meta and X do not, so the raw body's hash identifies the
 * delivery: a retry carries the same bytes and therefore the same id.
 */
export function describeWebhookEvent(
  source: WebhookSource,
  rawBody: Uint8Array,
  payload: unknown,
): InboundWebhookEvent {
  const json = isObject(payload) ? payload : {};
  let externalId = bodyHashId(rawBody);
  let eventType: string;
  switch (source) {
    case 'facebook':
      eventType = metaEventType(json);
      break;
    case 'twitter':
      eventType = twitterEventType(json);
      break;
    case 'linkedin': {
      eventType = linkedInEventType(json);
      const id = json.notificationId;
      if ((typeof id === 'string' && id.length > 0) || typeof id === 'number') {
        const candidate = `notification:${String(id)}`;
        if (candidate.length <= MAX_EXTERNAL_ID) externalId = candidate;
      }
      break;
    }
  }
  return { source, externalId, eventType: eventType.slice(0, MAX_EVENT_TYPE), data: payload };
}
