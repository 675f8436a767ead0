import * as z from 'zod';
import { getContainer } from '../adapters/container';
import type { WebSocketEvent, WebSocketResult } from './event';

// Clients only ever send pings: every update flows server -> browser. A ping keeps idle
// connections alive past API Gateway's 10-minute idle timeout.
const clientMessage = z.object({ action: z.literal('ping') });

export const handler = async (event: WebSocketEvent): Promise<WebSocketResult> => {
  const { realtime, clock } = await getContainer();
  const connectionId = event.requestContext.connectionId;
  let parsed: unknown;
  try {
    parsed = JSON.parse(event.body ?? '');
  } catch {
    parsed = undefined;
  }
  const message = clientMessage.safeParse(parsed);
  if (!message.success) {
    await realtime.sendToConnection(connectionId, {
      type: 'error',
      data: {
        code: 'unsupported_message',
        detail: 'Send {"action":"ping"}; updates arrive from the server.',
      },
    });
    return { statusCode: 400 };
  }
  await realtime.sendToConnection(connectionId, { type: 'pong', data: { time: clock.now().toISOString() } });
  return { statusCode: 200 };
};
