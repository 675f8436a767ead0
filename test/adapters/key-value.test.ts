import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoKeyValue, createDocumentClient } from '../../functions/adapters/aws/dynamo-key-value';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { MemoryKeyValue } from '../../functions/adapters/local/memory-key-value';
import { describeKeyValueContract } from './contracts/key-value-contract';
import { startDynalite } from './support/dynalite-server';

const TABLE = 'plume-test';
let dynamo: { client: DynamoDBClient; stop(): Promise<void> };

beforeAll(async () => {
  dynamo = await startDynalite(TABLE);
});
afterAll(async () => {
  await dynamo.stop();
});

describeKeyValueContract('MemoryKeyValue', (clock) => new MemoryKeyValue(clock));
describeKeyValueContract(
  'DynamoKeyValue on dynalite',
  (clock) => new DynamoKeyValue(createDocumentClient(dynamo.client), TABLE, clock),
);

describe('DynamoKeyValue specifics', () => {
  it('stores pk, sk, value and the TTL attribute expiresAt as DynamoDB sees them', async () => {
    const documents = createDocumentClient(dynamo.client);
    const kv = new DynamoKeyValue(documents, TABLE, new ManualClock('2025-01-01T00:00:00Z'));
    const pk = `raw#${randomUUID()}`;
    await kv.put({ pk, sk: 's', value: { a: 1, dropped: undefined }, expiresAt: 1_735_689_700 });
    const { Item } = await documents.send(new GetCommand({ TableName: TABLE, Key: { pk, sk: 's' } }));
    expect(Item).toEqual({ pk, sk: 's', value: { a: 1 }, expiresAt: 1_735_689_700 });
  });

  it('filters an expired item that DynamoDB has not purged yet', async () => {
    const documents = createDocumentClient(dynamo.client);
    const clock = new ManualClock('2025-01-01T00:00:00Z');
    const kv = new DynamoKeyValue(documents, TABLE, clock);
    const pk = `lazy#${randomUUID()}`;
    await documents.send(
      new PutCommand({ TableName: TABLE, Item: { pk, sk: 'old', value: 'x', expiresAt: 1_000 } }),
    );
    expect(await kv.get(pk, 'old')).toBeUndefined();
    expect(await kv.query(pk)).toEqual([]);
    // The raw item is still there: only our read-time filter hides it.
    expect(
      (await documents.send(new GetCommand({ TableName: TABLE, Key: { pk, sk: 'old' } }))).Item,
    ).toBeDefined();
  });

  it('query follows pagination past DynamoDB’s 1 MB page', async () => {
    const kv = new DynamoKeyValue(createDocumentClient(dynamo.client), TABLE, new ManualClock());
    const pk = `big#${randomUUID()}`;
    const blob = 'x'.repeat(100_000);
    await Promise.all(
      Array.from({ length: 15 }, (_, i) => kv.put({ pk, sk: String(i).padStart(2, '0'), value: blob })),
    );
    const items = await kv.query<string>(pk);
    expect(items.map((item) => item.sk)).toEqual(
      Array.from({ length: 15 }, (_, i) => String(i).padStart(2, '0')),
    );
  });
});
