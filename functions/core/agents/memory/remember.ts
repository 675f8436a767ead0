import { and, eq, inArray, sql } from 'drizzle-orm';
import { aiAgentMemory } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { embeddingSpace, type MemoryDeps, type MemoryItem, type MemoryType } from './memory-types';

export interface RememberResult {
  /** Items embedded and written (new, changed text, or another embedding model). */
  embedded: number;
  /** Items whose figures changed, written without embedding again. */
  updated: number;
  /** Rows of the type no longer wanted, deleted. */
  removed: number;
  unchanged: number;
}

type StoredRow = {
  id: string;
  vectorId: string | null;
  contentSummary: string | null;
  embeddingModel: string | null;
  metadata: Record<string, unknown> | null;
  importanceScore: number | null;
};

/** JSON with keys sorted: jsonb gives keys back in its own order, not the order written. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** One writer per organization's memory at a time: two tasks refreshing at once write once. */
async function lockMemory(tx: Transaction, organizationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ai_agent_memory:${organizationId}`}))`);
}

async function storedRows(tx: Transaction, organizationId: string, type: MemoryType): Promise<StoredRow[]> {
  return tx
    .select({
      id: aiAgentMemory.id,
      vectorId: aiAgentMemory.vectorId,
      contentSummary: aiAgentMemory.contentSummary,
      embeddingModel: aiAgentMemory.embeddingModel,
      metadata: aiAgentMemory.metadata,
      importanceScore: aiAgentMemory.importanceScore,
    })
    .from(aiAgentMemory)
    .where(and(eq(aiAgentMemory.organizationId, organizationId), eq(aiAgentMemory.memoryType, type)));
}

/**
 * Makes the organization's memories of one type exactly `items`: new items and items whose
 * text or embedding model changed are embedded and written, changed figures are updated
 * without embedding, and rows no longer wanted are deleted. Keyed by `sourceKey` (stored in
 * `vector_id`), so remembering the same items again embeds and writes nothing. The embedding
 * happens between two transactions (no database transaction waits on the model); the write
 * takes the organization's memory lock and replaces by key, so concurrent refreshes leave one
 * row per key.
 */
export async function rememberExactly(
  deps: MemoryDeps,
  type: MemoryType,
  items: readonly MemoryItem[],
): Promise<RememberResult> {
  const space = embeddingSpace(deps.embedder);
  const stored = await deps.inTenant((tx) => storedRows(tx, deps.organizationId, type));
  const byKey = new Map(stored.map((row) => [row.vectorId ?? '', row]));
  const wanted = new Map(items.map((item) => [item.sourceKey, item]));
  const toEmbed: MemoryItem[] = [];
  const toUpdate: Array<{ row: StoredRow; item: MemoryItem }> = [];
  let unchanged = 0;
  for (const item of wanted.values()) {
    const row = byKey.get(item.sourceKey);
    if (!row || row.contentSummary !== item.text || row.embeddingModel !== space) toEmbed.push(item);
    else if (!sameJson(row.metadata, item.metadata) || row.importanceScore !== item.importance)
      toUpdate.push({ row, item });
    else unchanged += 1;
  }
  // Duplicate rows of one key (written before the lock existed) count as not wanted.
  const seen = new Set<string>();
  const toRemove = stored.filter((row) => {
    const key = row.vectorId ?? '';
    const keep = wanted.has(key) && !seen.has(key);
    seen.add(key);
    return !keep;
  });
  if (toEmbed.length === 0 && toUpdate.length === 0 && toRemove.length === 0)
    return { embedded: 0, updated: 0, removed: 0, unchanged };

  const vectors = toEmbed.length ? await deps.embedder.embed(toEmbed.map((item) => item.text)) : [];
  await deps.inTenant(async (tx) => {
    await lockMemory(tx, deps.organizationId);
    const removeIds = toRemove.map((row) => row.id);
    const replacedKeys = toEmbed.map((item) => item.sourceKey);
    if (removeIds.length) await tx.delete(aiAgentMemory).where(inArray(aiAgentMemory.id, removeIds));
    if (replacedKeys.length)
      await tx
        .delete(aiAgentMemory)
        .where(
          and(
            eq(aiAgentMemory.organizationId, deps.organizationId),
            eq(aiAgentMemory.memoryType, type),
            inArray(aiAgentMemory.vectorId, replacedKeys),
          ),
        );
    if (toEmbed.length)
      await tx.insert(aiAgentMemory).values(
        toEmbed.map((item, index) => ({
          organizationId: deps.organizationId,
          agentId: item.agentId ?? null,
          memoryType: type,
          vectorId: item.sourceKey,
          contentSummary: item.text,
          embedding: vectors[index]!,
          embeddingModel: space,
          metadata: item.metadata,
          importanceScore: item.importance,
        })),
      );
    for (const { row, item } of toUpdate)
      await tx
        .update(aiAgentMemory)
        .set({ metadata: item.metadata, importanceScore: item.importance })
        .where(eq(aiAgentMemory.id, row.id));
  });
  return { embedded: toEmbed.length, updated: toUpdate.length, removed: toRemove.length, unchanged };
}
