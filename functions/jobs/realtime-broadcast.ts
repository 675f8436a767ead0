import * as z from 'zod';
import type { Container } from '../adapters/container';

const message = z.object({
  organizationId: z.uuid(),
  message: z.object({ type: z.string().min(1), data: z.unknown() }),
  userId: z.uuid().optional(),
});

/**
 * `{type: 'realtime-broadcast', organizationId, message, userId?}`: a broadcast to more open
 * dashboards than the changing process sends to itself (core/realtime/broadcast-fan-out.ts),
 * delivered from here. Redelivery sends the message again; dashboards only refetch on it.
 */
export async function realtimeBroadcastJob(
  body: Record<string, unknown>,
  container: Pick<Container, 'realtime'>,
): Promise<void> {
  const { organizationId, message: payload, userId } = message.parse(body);
  await container.realtime.deliverBroadcast(
    organizationId,
    { type: payload.type, data: payload.data },
    userId ? { userId } : {},
  );
}
