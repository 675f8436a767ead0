import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
  paginateQuery,
} from '@aws-sdk/lib-dynamodb';
import type { Clock, KeyValue, KeyValueItem } from '../../core/ports';

/** A document client that drops undefined fields instead of failing on them. */
export function createDocumentClient(
  client: DynamoDBClient = new DynamoDBClient({}),
): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

interface StoredItem {
  pk: string;
  sk: string;
  value: unknown;
  expiresAt?: number;
}

/** `value` is a DynamoDB reserved word, so every expression goes through names. */
const NAMES = { '#pk': 'pk', '#v': 'value', '#exp': 'expiresAt' };
const NOT_LIVE = 'attribute_not_exists(#pk) OR #exp <= :now';
const LIVE = 'attribute_not_exists(#exp) OR #exp > :now';

/**
 * KeyValue on one DynamoDB table (`pk`, `sk`, TTL attribute `expiresAt`). DynamoDB's TTL
 * deletes expired items lazily (often hours later), so every read and condition also
 * treats `expiresAt <= now` as absent.
 */
export class DynamoKeyValue implements KeyValue {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get<T>(pk: string, sk: string): Promise<KeyValueItem<T> | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }),
    );
    return this.liveItem<T>(Item);
  }

  async put<T>(item: KeyValueItem<T>): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: toStored(item) }));
  }

  async putIfAbsent<T>(item: KeyValueItem<T>): Promise<boolean> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toStored(item),
          ConditionExpression: NOT_LIVE,
          ExpressionAttributeNames: { '#pk': 'pk', '#exp': 'expiresAt' },
          ExpressionAttributeValues: { ':now': this.nowSeconds() },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async take<T>(pk: string, sk: string): Promise<KeyValueItem<T> | undefined> {
    const { Attributes } = await this.documents.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk, sk }, ReturnValues: 'ALL_OLD' }),
    );
    return this.liveItem<T>(Attributes);
  }

  async delete(pk: string, sk: string): Promise<void> {
    await this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: { pk, sk } }));
  }

  async query<T>(pk: string, options: { atMost?: number } = {}): Promise<KeyValueItem<T>[]> {
    const { atMost } = options;
    const items: KeyValueItem<T>[] = [];
    if (atMost !== undefined && atMost <= 0) return items;
    const pages = paginateQuery(
      // DynamoDB's Limit counts items read before the expiry filter, so a page may bring fewer
      // live ones: keep paging until enough are found, reading at most that many per page.
      { client: this.documents, ...(atMost !== undefined ? { pageSize: atMost } : {}) },
      {
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk',
        FilterExpression: LIVE,
        ExpressionAttributeNames: { '#pk': 'pk', '#exp': 'expiresAt' },
        ExpressionAttributeValues: { ':pk': pk, ':now': this.nowSeconds() },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const raw of page.Items ?? []) {
        const item = this.liveItem<T>(raw);
        if (item) items.push(item);
        if (items.length === atMost) return items;
      }
    }
    return items;
  }

  async increment(pk: string, sk: string, by: number, expiresAt: number): Promise<number> {
    // Two conditional writes make "add to a live counter, else start a new window" atomic:
    // a concurrent writer can only make one of them fail, and then the other one applies.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const now = this.nowSeconds();
      try {
        const { Attributes } = await this.documents.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk, sk },
            UpdateExpression: 'ADD #v :by',
            ConditionExpression: `attribute_exists(#pk) AND (${LIVE})`,
            ExpressionAttributeNames: NAMES,
            ExpressionAttributeValues: { ':by': by, ':now': now },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        return Number(Attributes?.value);
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      try {
        await this.documents.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk, sk },
            UpdateExpression: 'SET #v = :by, #exp = :exp',
            ConditionExpression: NOT_LIVE,
            ExpressionAttributeNames: NAMES,
            ExpressionAttributeValues: { ':by': by, ':exp': expiresAt, ':now': now },
          }),
        );
        return by;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    throw new Error(`KeyValue increment of ${pk}/${sk} kept conflicting`);
  }

  private liveItem<T>(raw: Record<string, unknown> | undefined): KeyValueItem<T> | undefined {
    if (!raw) return undefined;
    const stored = raw as unknown as StoredItem;
    if (stored.expiresAt !== undefined && stored.expiresAt <= this.nowSeconds()) return undefined;
    const item: KeyValueItem<T> = { pk: stored.pk, sk: stored.sk, value: stored.value as T };
    if (stored.expiresAt !== undefined) item.expiresAt = Number(stored.expiresAt);
    return item;
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

function toStored<T>(item: KeyValueItem<T>): StoredItem {
  const stored: StoredItem = { pk: item.pk, sk: item.sk, value: item.value };
  if (item.expiresAt !== undefined) stored.expiresAt = item.expiresAt;
  return stored;
}
