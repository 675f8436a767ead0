import { randomBytes, randomUUID } from 'node:crypto';
import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchWriteCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ApiGatewayRealtime, orgConnectionsKey } from '../../../functions/adapters/aws/api-gateway-realtime';
import { DynamoKeyValue, createDocumentClient } from '../../../functions/adapters/aws/dynamo-key-value';
import type { JobQueue, Logger, QueueName, RealtimeConnection } from '../../../functions/core/ports';
import { realtimeBroadcastJob } from '../../../functions/jobs/realtime-broadcast';
import { startDynalite } from '../../adapters/support/dynalite-server';

/** SDK requests one part of a broadcast makes. */
export interface PhaseCost {
  postToConnection: number;
  /** DynamoDB requests by command (e.g. `{ QueryCommand: 3 }`): each is one round trip. */
  dynamoRequests: Record<string, number>;
  /** Read capacity units those requests consumed (strongly consistent, per dynalite's sizing). */
  readCapacityUnits: number;
  /** Messages sent to the jobs queue (SQS SendMessage). */
  queued: number;
}

/**
 * What one broadcast costs through the AWS adapter, counted at the SDK clients: in the
 * process that changed the post (the HTTP request) and in the background job it may hand off to.
 */
export interface EventCost {
  layout: string;
  /** Connections of the organization the event belongs to (each gets one PostToConnection). */
  recipients: number;
  /** Connections stored in the table over all organizations. */
  storedConnections: number;
  request: PhaseCost;
  job: PhaseCost;
  delivered: number;
}

const TABLE = 'plume-bench';

const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** An API Gateway connection id looks like `L0SM9cOFvHcCIhw=`. */
const connectionId = (): string => randomBytes(11).toString('base64');

/**
 * Counts every DynamoDB request by command and asks each for its consumed capacity
 * (`ReturnConsumedCapacity` changes what is returned, not what is read).
 */
function countDynamoRequests(client: DynamoDBClient): {
  requests: Record<string, number>;
  readUnits: () => number;
  reset(): void;
} {
  let requests: Record<string, number> = {};
  let readUnits = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      requests[command] = (requests[command] ?? 0) + 1;
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      if (/^(Query|Get|BatchGet|Scan)/.test(command)) {
        readUnits +=
          (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity
            ?.CapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'benchCountDynamoRequests' },
  );
  return {
    get requests() {
      return requests;
    },
    readUnits: () => readUnits,
    reset() {
      requests = {};
      readUnits = 0;
    },
  };
}

/** The jobs queue as the adapter sees it: what is sent waits here for the "background worker". */
class HeldJobs implements JobQueue {
  held: Record<string, unknown>[] = [];
  async send(_queue: QueueName, body: unknown): Promise<void> {
    this.held.push(body as Record<string, unknown>);
  }
  async sendBatch(queue: QueueName, bodies: unknown[]): Promise<void> {
    for (const body of bodies) await this.send(queue, body);
  }
}

/**
 * Stores the connections as `$connect` does: the first through the adapter's own
 * `addConnection`, the rest written 25 at a time in the same shape (read back from that
 * first item), and only under the organization: the per-connection copy is not read by a
 * broadcast, and 20,000 single puts would take minutes on the emulator.
 */
async function storeAll(
  realtime: ApiGatewayRealtime,
  documents: DynamoDBDocumentClient,
  connections: RealtimeConnection[],
): Promise<void> {
  const [first, ...rest] = connections;
  if (!first) return;
  await realtime.addConnection(first);
  const { Item: template } = await documents.send(
    new GetCommand({
      TableName: TABLE,
      Key: { pk: orgConnectionsKey(first.organizationId), sk: first.connectionId },
    }),
  );
  if (!template) throw new Error('addConnection stored nothing under the organization');
  for (let i = 0; i < rest.length; i += 25) {
    const items = rest.slice(i, i + 25).map((c) => ({
      ...template,
      pk: orgConnectionsKey(c.organizationId),
      sk: c.connectionId,
      value: c,
    }));
    await documents.send(
      new BatchWriteCommand({ RequestItems: { [TABLE]: items.map((Item) => ({ PutRequest: { Item } })) } }),
    );
  }
}

/**
 * The AWS side of one `post.changed` event: the real `ApiGatewayRealtime` and
 * `DynamoKeyValue` run against dynalite (a DynamoDB emulator with DynamoDB's 1 MB query
 * pages and item sizing) and a mocked API Gateway management client, and every SDK request
 * the broadcast makes is counted. Each layout stores `total` connections (in its own
 * organizations, so layouts do not mix), then broadcasts once to its first organization.
 */
export async function measureAwsEventCost(
  total: number,
  layouts: ReadonlyArray<{ name: string; organizations: number }>,
): Promise<EventCost[]> {
  const dynamo = await startDynalite(TABLE);
  const counter = countDynamoRequests(dynamo.client);
  const management = new ApiGatewayManagementApiClient({
    endpoint: 'https://bench.execute-api.us-east-1.amazonaws.com/prod',
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  const api = mockClient(management);
  api.on(PostToConnectionCommand).resolves({});
  const clock = { now: () => new Date() };
  const documents = createDocumentClient(dynamo.client);
  const jobs = new HeldJobs();
  // Wired as in an HTTP function with queues (functions/adapters/aws/index.ts).
  const realtime = new ApiGatewayRealtime(
    management,
    new DynamoKeyValue(documents, TABLE, clock),
    clock,
    quietLogger,
    { queue: jobs },
  );
  const phase = (): PhaseCost => {
    const cost = {
      postToConnection: api.commandCalls(PostToConnectionCommand).length,
      dynamoRequests: { ...counter.requests },
      readCapacityUnits: counter.readUnits(),
      queued: jobs.held.length,
    };
    counter.reset();
    api.resetHistory();
    return cost;
  };
  try {
    const costs: EventCost[] = [];
    for (const layout of layouts) {
      const organizations = Array.from({ length: layout.organizations }, () => randomUUID());
      const userIds = organizations.map(() => randomUUID());
      const connections = Array.from({ length: total }, (_, i): RealtimeConnection => {
        const org = i % layout.organizations;
        return {
          connectionId: connectionId(),
          organizationId: organizations[org] as string,
          userId: userIds[org] as string,
          connectedAt: new Date().toISOString(),
        };
      });
      await storeAll(realtime, documents, connections);
      jobs.held = [];
      phase();
      const organizationId = organizations[0] as string;
      let delivered = await realtime.broadcast(organizationId, {
        type: 'post.changed',
        data: { change: 'created', postIds: [randomUUID()] },
      });
      const request = phase();
      const handedOff = jobs.held;
      jobs.held = [];
      // The background worker's half: the same adapter, as functions/jobs/background.ts runs it.
      for (const body of handedOff) {
        const before = api.commandCalls(PostToConnectionCommand).length;
        await realtimeBroadcastJob(body, { realtime });
        delivered += api.commandCalls(PostToConnectionCommand).length - before;
      }
      const job = phase();
      costs.push({
        layout: layout.name,
        recipients: connections.filter((c) => c.organizationId === organizationId).length,
        storedConnections: total,
        request,
        job,
        delivered,
      });
    }
    return costs;
  } finally {
    api.restore();
    management.destroy();
    await dynamo.stop();
  }
}
