import type { RealtimeMessage } from '../ports';

/** The jobs-queue message that carries one broadcast to the background worker. */
export const REALTIME_BROADCAST = 'realtime-broadcast';

export interface BroadcastFanOut {
  type: typeof REALTIME_BROADCAST;
  organizationId: string;
  message: RealtimeMessage;
  userId?: string;
}

/**
 * Up to this many open dashboards a broadcast goes out from the process that made the change:
 * the SDK keeps 50 requests in flight, so that is about one PostToConnection round (~20-30 ms)
 * added to the request. Beyond it, one SQS message (~10-20 ms) hands the rest to the background
 * worker, so a request or a publish never waits for thousands of calls (10,000 dashboards of one
 * organization were 10,000 calls inside the request that changed a post).
 */
export const DIRECT_BROADCAST_LIMIT = 50;

export function broadcastFanOut(
  organizationId: string,
  message: RealtimeMessage,
  userId: string | undefined,
): BroadcastFanOut {
  return { type: REALTIME_BROADCAST, organizationId, message, ...(userId ? { userId } : {}) };
}
