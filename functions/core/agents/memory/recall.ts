import { and, eq, inArray } from 'drizzle-orm';
import { aiAgentMemory } from '../../../db/schema';
import { cosine } from './cosine';
import { embeddingSpace, MAX_BEST_POSTS, type MemoryDeps, type MemoryType } from './memory-types';

export interface RecalledMemory {
  id: string;
  type: MemoryType;
  text: string;
  /** Cosine similarity to the query, -1..1 (lexical with the local embedder, semantic with Titan). */
  similarity: number;
  metadata: Record<string, unknown>;
}

export interface RecallOptions {
  k: number;
  types: readonly MemoryType[];
  /** Memories less similar than this are not returned (0: anything sharing something). */
  minSimilarity?: number;
}

/**
 * The organization's `k` memories of the given types most similar to `query`, best first
 * (ties: the more important, then the older row). Similarity is computed here over the
 * organization's rows (at most MAX_BEST_POSTS best posts and a brand voice per agent, so a few
 * hundred), read under row-level security: another organization's memories are never read.
 * Rows embedded by another model than the current embedder are skipped (they are not
 * comparable); the next refresh embeds them again.
 */
export async function recall(
  deps: MemoryDeps,
  query: string,
  options: RecallOptions,
): Promise<RecalledMemory[]> {
  const space = embeddingSpace(deps.embedder);
  const rows = await deps.inTenant((tx) =>
    tx
      .select({
        id: aiAgentMemory.id,
        type: aiAgentMemory.memoryType,
        text: aiAgentMemory.contentSummary,
        embedding: aiAgentMemory.embedding,
        metadata: aiAgentMemory.metadata,
        importance: aiAgentMemory.importanceScore,
        createdAt: aiAgentMemory.createdAt,
      })
      .from(aiAgentMemory)
      .where(
        and(
          eq(aiAgentMemory.organizationId, deps.organizationId),
          inArray(aiAgentMemory.memoryType, [...options.types]),
          eq(aiAgentMemory.embeddingModel, space),
        ),
      )
      // A bound even if a writer outside this module ever stored more.
      .limit(MAX_BEST_POSTS * 2 + 50),
  );
  if (rows.length === 0 || options.k <= 0) return [];
  const [vector] = await deps.embedder.embed([query]);
  const minimum = options.minSimilarity ?? 0;
  return rows
    .filter((row) => row.embedding?.length === deps.embedder.dimensions)
    .map((row) => ({ row, similarity: cosine(vector!, row.embedding!) }))
    .filter(({ similarity }) => similarity > minimum)
    .sort(
      (a, b) =>
        b.similarity - a.similarity ||
        (b.row.importance ?? 0) - (a.row.importance ?? 0) ||
        a.row.createdAt.getTime() - b.row.createdAt.getTime(),
    )
    .slice(0, options.k)
    .map(({ row, similarity }) => ({
      id: row.id,
      type: row.type as MemoryType,
      text: row.text ?? '',
      similarity: Math.round(similarity * 1000) / 1000,
      metadata: row.metadata ?? {},
    }));
}
