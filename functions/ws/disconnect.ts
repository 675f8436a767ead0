import { getContainer } from '../adapters/container';
import type { WebSocketEvent, WebSocketResult } from './event';

export const handler = async (event: WebSocketEvent): Promise<WebSocketResult> => {
  const { realtime } = await getContainer();
  await realtime.removeConnection(event.requestContext.connectionId);
  return { statusCode: 200 };
};
