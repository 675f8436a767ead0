import {
  ApiGatewayManagementApiClient,
  ForbiddenException,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { ApiGatewayRealtime } from '../../functions/adapters/aws/api-gateway-realtime';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { MemoryKeyValue } from '../../functions/adapters/local/memory-key-value';
import type { JobQueue, QueueName, RealtimeMessage } from '../../functions/core/ports';
import { REALTIME_BROADCAST } from '../../functions/core/realtime/broadcast-fan-out';
import { realtimeBroadcastJob } from '../../functions/jobs/realtime-broadcast';
import { captureLogger } from '../support/logger';
import { describeRealtimeContract } from './contracts/realtime-contract';

function apiGatewayHarness(clock: ManualClock, fanOut?: { queue: JobQueue; directUpTo?: number }) {
  const client = new ApiGatewayManagementApiClient({
    endpoint: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod',
    region: 'us-east-1',
  });
  const mock = mockClient(client);
  const inboxes = new Map<string, RealtimeMessage[]>();
  const gone = new Set<string>();
  mock.on(PostToConnectionCommand).callsFake((input: PostToConnectionCommand['input']) => {
    const id = input.ConnectionId ?? '';
    if (gone.has(id)) throw new GoneException({ message: 'Gone', $metadata: {} });
    const text = new TextDecoder().decode(input.Data as Uint8Array);
    inboxes.set(id, [...(inboxes.get(id) ?? []), JSON.parse(text) as RealtimeMessage]);
    return {};
  });
  const kv = new MemoryKeyValue(clock);
  const logger = captureLogger();
  const realtime = new ApiGatewayRealtime(client, kv, clock, logger, fanOut);
  return {
    realtime,
    mock,
    kv,
    logger,
    gone,
    delivered: (id: string) => inboxes.get(id) ?? [],
    drop: (id: string) => gone.add(id),
  };
}

describeRealtimeContract('ApiGatewayRealtime', apiGatewayHarness);

describe('ApiGatewayRealtime specifics', () => {
  const connection = {
    connectionId: 'Abc=',
    organizationId: 'org-a',
    userId: 'u1',
    connectedAt: '2025-06-01T12:00:00.000Z',
  };

  it('keeps each connection under the organization and under its id, for two hours', async () => {
    const clock = new ManualClock('2025-06-01T12:00:00.000Z');
    const { realtime, kv } = apiGatewayHarness(clock);
    await realtime.addConnection(connection);
    const expiresAt = Math.floor(clock.now().getTime() / 1000) + 7200;
    expect(await kv.get('ws#org#org-a', 'Abc=')).toEqual({
      pk: 'ws#org#org-a',
      sk: 'Abc=',
      value: connection,
      expiresAt,
    });
    expect(await kv.get('ws#conn#Abc=', 'connection')).toEqual({
      pk: 'ws#conn#Abc=',
      sk: 'connection',
      value: connection,
      expiresAt,
    });
    clock.advance(7200_000);
    expect(await realtime.broadcast('org-a', { type: 't', data: null })).toBe(0);
  });

  it('removes both records on disconnect', async () => {
    const { realtime, kv } = apiGatewayHarness(new ManualClock());
    await realtime.addConnection(connection);
    await realtime.removeConnection('Abc=');
    expect(await kv.query('ws#org#org-a')).toEqual([]);
    expect(await kv.get('ws#conn#Abc=', 'connection')).toBeUndefined();
  });

  it('posts the message as JSON bytes to the connection', async () => {
    const { realtime, mock } = apiGatewayHarness(new ManualClock());
    await realtime.sendToConnection('Abc=', { type: 'ping', data: { n: 1 } });
    const input = mock.commandCalls(PostToConnectionCommand)[0]?.args[0].input;
    expect(input?.ConnectionId).toBe('Abc=');
    expect(new TextDecoder().decode(input?.Data as Uint8Array)).toBe('{"type":"ping","data":{"n":1}}');
  });

  it('keeps broadcasting when one connection fails for another reason, and logs it', async () => {
    const { realtime, mock, logger } = apiGatewayHarness(new ManualClock());
    await realtime.addConnection(connection);
    await realtime.addConnection({ ...connection, connectionId: 'Def=' });
    mock
      .on(PostToConnectionCommand, { ConnectionId: 'Abc=' })
      .rejects(new ForbiddenException({ message: 'Forbidden', $metadata: {} }));
    expect(await realtime.broadcast('org-a', { type: 't', data: null })).toBe(1);
    expect(logger.entries.map((entry) => entry.message)).toEqual(['Realtime send failed']);
    await expect(realtime.sendToConnection('Abc=', { type: 't', data: null })).rejects.toThrow('Forbidden');
  });
});

describe('ApiGatewayRealtime hands large broadcasts to the jobs queue', () => {
  class RecordingQueue implements JobQueue {
    readonly sent: { queue: QueueName; body: Record<string, unknown> }[] = [];
    async send(queue: QueueName, body: unknown): Promise<void> {
      this.sent.push({ queue, body: body as Record<string, unknown> });
    }
    async sendBatch(queue: QueueName, bodies: unknown[]): Promise<void> {
      for (const body of bodies) await this.send(queue, body);
    }
  }
  const organizationId = crypto.randomUUID();
  const message: RealtimeMessage = { type: 'post.changed', data: { change: 'updated', postIds: ['p1'] } };

  async function withConnections(count: number, directUpTo: number) {
    const queue = new RecordingQueue();
    const harness = apiGatewayHarness(new ManualClock(), { queue, directUpTo });
    const userIds = [crypto.randomUUID(), crypto.randomUUID()];
    for (let i = 0; i < count; i += 1) {
      await harness.realtime.addConnection({
        connectionId: `c${i}`,
        organizationId,
        userId: userIds[i % 2]!,
        connectedAt: new Date().toISOString(),
      });
    }
    return { ...harness, queue, userIds };
  }

  it('sends up to the limit itself, reading no more connections than it needs', async () => {
    const { realtime, queue, kv, delivered } = await withConnections(3, 3);
    const reads: unknown[] = [];
    const query = kv.query.bind(kv);
    kv.query = (pk, options) => {
      reads.push(options);
      return query(pk, options);
    };
    expect(await realtime.broadcast(organizationId, message)).toBe(3);
    expect(reads).toEqual([{ atMost: 4 }]);
    expect(queue.sent).toEqual([]);
    expect(delivered('c2')).toEqual([message]);
  });

  it('beyond the limit sends nothing itself: one jobs message, which the background job delivers to all', async () => {
    const { realtime, queue, mock, delivered, userIds } = await withConnections(5, 3);
    expect(await realtime.broadcast(organizationId, message, { userId: userIds[0] })).toBe(0);
    expect(mock.commandCalls(PostToConnectionCommand)).toHaveLength(0);
    expect(queue.sent).toEqual([
      { queue: 'jobs', body: { type: REALTIME_BROADCAST, organizationId, message, userId: userIds[0] } },
    ]);
    // The background worker runs the job against its own (the same) adapter.
    await realtimeBroadcastJob(queue.sent[0]!.body, { realtime });
    expect([0, 2, 4].map((i) => delivered(`c${i}`))).toEqual([[message], [message], [message]]);
    expect([1, 3].map((i) => delivered(`c${i}`))).toEqual([[], []]);
  });

  it('refuses a malformed job message, so it is retried and then kept in the dead-letter queue', async () => {
    const { realtime } = await withConnections(1, 3);
    await expect(
      realtimeBroadcastJob({ type: REALTIME_BROADCAST, organizationId: 'x', message }, { realtime }),
    ).rejects.toThrow();
    await expect(
      realtimeBroadcastJob({ type: REALTIME_BROADCAST, organizationId }, { realtime }),
    ).rejects.toThrow();
  });
});
