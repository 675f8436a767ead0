import {
  GoneException,
  PostToConnectionCommand,
  type ApiGatewayManagementApiClient,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type {
  Clock,
  JobQueue,
  KeyValue,
  Logger,
  Realtime,
  RealtimeConnection,
  RealtimeMessage,
} from '../../core/ports';
import { broadcastFanOut, DIRECT_BROADCAST_LIMIT } from '../../core/realtime/broadcast-fan-out';

/** API Gateway closes every WebSocket after two hours, so no record needs to outlive that. */
export const CONNECTION_TTL_SECONDS = 2 * 60 * 60;

export const orgConnectionsKey = (organizationId: string): string => `ws#org#${organizationId}`;
export const connectionKey = (connectionId: string): string => `ws#conn#${connectionId}`;
const CONNECTION_SK = 'connection';

/**
 * Realtime through the WebSocket API's management endpoint. Connections are kept in the
 * KeyValue twice: under the organization (to broadcast) and under the connection id (to
 * find the organization again on $disconnect, which carries only the connection id).
 */
export class ApiGatewayRealtime implements Realtime {
  private readonly encoder = new TextEncoder();

  /**
   * `fanOut`: the jobs queue, where broadcasts to more than `directUpTo` connections are
   * handed (functions without queues deliver every broadcast themselves).
   */
  constructor(
    private readonly client: ApiGatewayManagementApiClient,
    private readonly kv: KeyValue,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly fanOut?: { queue: JobQueue; directUpTo?: number },
  ) {}

  async addConnection(connection: RealtimeConnection): Promise<void> {
    const expiresAt = Math.floor(this.clock.now().getTime() / 1000) + CONNECTION_TTL_SECONDS;
    await this.kv.put({
      pk: connectionKey(connection.connectionId),
      sk: CONNECTION_SK,
      value: connection,
      expiresAt,
    });
    await this.kv.put({
      pk: orgConnectionsKey(connection.organizationId),
      sk: connection.connectionId,
      value: connection,
      expiresAt,
    });
  }

  async removeConnection(connectionId: string): Promise<void> {
    const record = await this.kv.take<RealtimeConnection>(connectionKey(connectionId), CONNECTION_SK);
    if (record) await this.kv.delete(orgConnectionsKey(record.value.organizationId), connectionId);
  }

  async sendToConnection(connectionId: string, message: RealtimeMessage): Promise<boolean> {
    try {
      await this.client.send(
        new PostToConnectionCommand({
          ConnectionId: connectionId,
          Data: this.encoder.encode(JSON.stringify(message)),
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof GoneException)) throw error;
      await this.removeConnection(connectionId);
      return false;
    }
  }

  async broadcast(
    organizationId: string,
    message: RealtimeMessage,
    options: { userId?: string } = {},
  ): Promise<number> {
    if (!this.fanOut) return this.deliverBroadcast(organizationId, message, options);
    const directUpTo = this.fanOut.directUpTo ?? DIRECT_BROADCAST_LIMIT;
    // Reads one more than the limit: enough to know whether this process should send at all.
    const firstFew = await this.kv.query<RealtimeConnection>(orgConnectionsKey(organizationId), {
      atMost: directUpTo + 1,
    });
    if (firstFew.length <= directUpTo) return this.deliverTo(firstFew, message, options);
    await this.fanOut.queue.send('jobs', broadcastFanOut(organizationId, message, options.userId));
    return 0;
  }

  async deliverBroadcast(
    organizationId: string,
    message: RealtimeMessage,
    options: { userId?: string } = {},
  ): Promise<number> {
    const connections = await this.kv.query<RealtimeConnection>(orgConnectionsKey(organizationId));
    return this.deliverTo(connections, message, options);
  }

  private async deliverTo(
    connections: { sk: string; value: RealtimeConnection }[],
    message: RealtimeMessage,
    options: { userId?: string },
  ): Promise<number> {
    const targets = connections.filter((item) => !options.userId || item.value.userId === options.userId);
    const results = await Promise.allSettled(targets.map((item) => this.sendToConnection(item.sk, message)));
    let delivered = 0;
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') {
        if (result.value) delivered += 1;
      } else {
        // One broken connection must not stop the rest of the organization's updates.
        this.logger.warn('Realtime send failed', {
          connectionId: targets[index]?.sk,
          error: String(result.reason),
        });
      }
    });
    return delivered;
  }
}
