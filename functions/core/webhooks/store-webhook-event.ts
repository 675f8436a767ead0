import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { webhookEvents } from '../../db/schema';
import { withSystem } from '../../db/tenant';
import type { InboundWebhookEvent } from './webhook-event';

export interface StoredWebhookEvent {
  id: string;
  /** The same `(source, external_id)` was stored before: this delivery is a redelivery. */
  duplicate: boolean;
  /** Processing finished (a redelivery of a processed event needs nothing more). */
  processed: boolean;
}

/**
 * Stores the event exactly once: `INSERT ... ON CONFLICT (source, external_id) DO NOTHING`
 * decides atomically, so concurrent redeliveries cannot both insert. Runs as plume_system:
 * the tenant is unknown until the event is processed.
 */
export async function storeWebhookEvent(
  db: Database,
  event: InboundWebhookEvent,
): Promise<StoredWebhookEvent> {
  return withSystem(db, async (tx) => {
    const [inserted] = await tx
      .insert(webhookEvents)
      .values({
        source: event.source,
        externalId: event.externalId,
        eventType: event.eventType,
        eventData: event.data,
      })
      .onConflictDoNothing({ target: [webhookEvents.source, webhookEvents.externalId] })
      .returning({ id: webhookEvents.id });
    if (inserted) return { id: inserted.id, duplicate: false, processed: false };
    const [existing] = await tx
      .select({ id: webhookEvents.id, processed: webhookEvents.processed })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.source, event.source), eq(webhookEvents.externalId, event.externalId)));
    if (!existing)
      throw new Error(`webhook event ${event.source}/${event.externalId} conflicted but cannot be read`);
    return { id: existing.id, duplicate: true, processed: existing.processed };
  });
}
