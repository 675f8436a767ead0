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
import type { RealtimeMessage } from '../../functions/core/ports';
import { captureLogger } from '../support/logger';
import { describeRealtimeContract } from './contracts/realtime-contract';

function apiGatewayHarness(clock: ManualClock) {
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
  const realtime = new ApiGatewayRealtime(client, kv, clock, logger);
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
