import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { WebSocketServer } from 'ws';
import type { Logger } from '../core/ports';
import { handler as authorize } from '../ws/authorize';
import { handler as connect } from '../ws/connect';
import { handler as onDefault } from '../ws/default';
import { handler as disconnect } from '../ws/disconnect';
import type { WebSocketEvent } from '../ws/event';
import type { LocalRealtime } from './local-realtime';

type EventType = 'CONNECT' | 'MESSAGE' | 'DISCONNECT';

function websocketEvent(
  routeKey: string,
  eventType: EventType,
  connectionId: string,
  authorizer: Record<string, string>,
  body?: string,
): WebSocketEvent {
  const now = new Date();
  return {
    requestContext: {
      routeKey,
      eventType,
      connectionId,
      messageId: randomBytes(8).toString('base64'),
      extendedRequestId: randomBytes(8).toString('hex'),
      requestTimeEpoch: now.getTime(),
      requestTime: now.toUTCString(),
      messageDirection: 'IN',
      stage: 'local',
      connectedAt: now.getTime(),
      requestId: randomBytes(8).toString('hex'),
      domainName: 'localhost',
      apiId: 'local',
      authorizer,
    },
    ...(body !== undefined ? { body, isBase64Encoded: false } : { isBase64Encoded: false }),
  } as WebSocketEvent;
}

/**
 * Plays the API Gateway WebSocket API: runs the `$connect` authorizer on the upgrade, then
 * the same `$connect`, `$default` and `$disconnect` handlers as in AWS.
 */
export class WebSocketGateway {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 32 * 1024 });

  constructor(
    private readonly realtime: LocalRealtime,
    private readonly logger: Logger,
  ) {}

  async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://local');
    const authorizerEvent = {
      type: 'REQUEST',
      methodArn: 'arn:aws:execute-api:local:000000000000:local/local/$connect',
      queryStringParameters: Object.fromEntries(url.searchParams),
      headers: request.headers as Record<string, string>,
    } as unknown as APIGatewayRequestAuthorizerEvent;
    const decision = await authorize(authorizerEvent);
    const allowed = decision.policyDocument.Statement.some((s) => 'Effect' in s && s.Effect === 'Allow');
    if (!allowed) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const authorizer = Object.fromEntries(
      Object.entries(decision.context ?? {}).map(([key, value]) => [key, String(value)]),
    );
    const connectionId = randomBytes(12).toString('base64url');
    this.server.handleUpgrade(request, socket, head, (ws) => {
      this.realtime.attachSocket(connectionId, ws);
      void (async () => {
        const result = await connect(websocketEvent('$connect', 'CONNECT', connectionId, authorizer));
        if (result.statusCode !== 200) {
          ws.close(4401, 'unauthorized');
          return;
        }
        ws.on('message', (data) => {
          void onDefault(
            websocketEvent('$default', 'MESSAGE', connectionId, authorizer, data.toString()),
          ).catch((error) => this.logger.error('$default handler failed', { error }));
        });
        ws.on('close', () => {
          this.realtime.detachSocket(connectionId);
          void disconnect(websocketEvent('$disconnect', 'DISCONNECT', connectionId, authorizer)).catch(
            (error) => this.logger.error('$disconnect handler failed', { error }),
          );
        });
      })().catch((error) => {
        this.logger.error('$connect handler failed', { error });
        ws.close(1011, 'connect failed');
      });
    });
  }

  close(): void {
    for (const client of this.server.clients) client.close(1001, 'server shutting down');
    this.server.close();
  }
}
