import type { Clock, KeyValue, KeyValueItem } from '../../core/ports';

/**
 * In-process KeyValue with the DynamoDB adapter's semantics: items are copied in and out
 * (as if serialised), and an item whose `expiresAt` is at or before now is treated as
 * absent everywhere, exactly like the DynamoDB adapter's read-time filter.
 */
export class MemoryKeyValue implements KeyValue {
  private readonly partitions = new Map<string, Map<string, KeyValueItem>>();

  constructor(private readonly clock: Clock) {}

  async get<T>(pk: string, sk: string): Promise<KeyValueItem<T> | undefined> {
    const item = this.live(pk, sk);
    return item && (structuredClone(item) as KeyValueItem<T>);
  }

  async put<T>(item: KeyValueItem<T>): Promise<void> {
    this.store(item);
  }

  async putIfAbsent<T>(item: KeyValueItem<T>): Promise<boolean> {
    if (this.live(item.pk, item.sk)) return false;
    this.store(item);
    return true;
  }

  async take<T>(pk: string, sk: string): Promise<KeyValueItem<T> | undefined> {
    const item = this.live(pk, sk);
    this.partitions.get(pk)?.delete(sk);
    return item && (item as KeyValueItem<T>);
  }

  async delete(pk: string, sk: string): Promise<void> {
    this.partitions.get(pk)?.delete(sk);
  }

  async query<T>(pk: string, options: { atMost?: number } = {}): Promise<KeyValueItem<T>[]> {
    const partition = this.partitions.get(pk);
    if (!partition) return [];
    const now = this.nowSeconds();
    return [...partition.values()]
      .filter((item) => !isExpired(item, now))
      .sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0))
      .slice(0, options.atMost)
      .map((item) => structuredClone(item) as KeyValueItem<T>);
  }

  async increment(pk: string, sk: string, by: number, expiresAt: number): Promise<number> {
    const item = this.live(pk, sk);
    if (!item) {
      this.store({ pk, sk, value: by, expiresAt });
      return by;
    }
    if (typeof item.value !== 'number') throw new Error(`KeyValue ${pk}/${sk} is not a counter`);
    item.value += by;
    return item.value;
  }

  private live(pk: string, sk: string): KeyValueItem | undefined {
    const item = this.partitions.get(pk)?.get(sk);
    return item && !isExpired(item, this.nowSeconds()) ? item : undefined;
  }

  private store<T>(item: KeyValueItem<T>): void {
    let partition = this.partitions.get(item.pk);
    if (!partition) {
      partition = new Map();
      this.partitions.set(item.pk, partition);
    }
    const copy: KeyValueItem = { pk: item.pk, sk: item.sk, value: structuredClone(item.value) };
    if (item.expiresAt !== undefined) copy.expiresAt = item.expiresAt;
    partition.set(item.sk, copy);
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

function isExpired(item: KeyValueItem, nowSeconds: number): boolean {
  return item.expiresAt !== undefined && item.expiresAt <= nowSeconds;
}
