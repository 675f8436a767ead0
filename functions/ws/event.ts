import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';

/** What the `$connect` authorizer put on the request context. */
export interface WebSocketIdentity {
  userId: string;
  organizationId: string;
}

export type WebSocketEvent = APIGatewayProxyWebsocketEventV2 & {
  requestContext: APIGatewayProxyWebsocketEventV2['requestContext'] & {
    authorizer?: Partial<WebSocketIdentity>;
  };
};

export interface WebSocketResult {
  statusCode: number;
  body?: string;
}
