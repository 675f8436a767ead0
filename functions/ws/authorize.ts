import type { APIGatewayRequestAuthorizerEvent, APIGatewayAuthorizerResult } from 'aws-lambda';
import { getContainer } from '../adapters/container';
import { redeemWebSocketTicket } from '../core/realtime/websocket-tickets';

/** REQUEST authorizer on `$connect`: admits the holder of a valid single-use ticket. */
export const handler = async (
  event: APIGatewayRequestAuthorizerEvent,
): Promise<APIGatewayAuthorizerResult> => {
  const { kv, logger } = await getContainer();
  const ticket = event.queryStringParameters?.ticket ?? '';
  const holder = await redeemWebSocketTicket(kv, ticket);
  if (!holder) logger.info('WebSocket connection refused: invalid ticket');
  return {
    principalId: holder?.userId ?? 'anonymous',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Action: 'execute-api:Invoke', Effect: holder ? 'Allow' : 'Deny', Resource: event.methodArn },
      ],
    },
    ...(holder ? { context: { userId: holder.userId, organizationId: holder.organizationId } } : {}),
  };
};
