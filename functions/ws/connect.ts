import { getContainer } from '../adapters/container';
import type { WebSocketEvent, WebSocketResult } from './event';

/** Records the connection against the organization the authorizer admitted it to. */
export const handler = async (event: WebSocketEvent): Promise<WebSocketResult> => {
  const { realtime, clock } = await getContainer();
  const { userId, organizationId } = event.requestContext.authorizer ?? {};
  if (!userId || !organizationId) return { statusCode: 401 };
  await realtime.addConnection({
    connectionId: event.requestContext.connectionId,
    organizationId,
    userId,
    connectedAt: clock.now().toISOString(),
  });
  return { statusCode: 200 };
};
