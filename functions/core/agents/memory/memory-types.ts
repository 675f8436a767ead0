import type { Transaction } from '../../../db/tenant';
import type { Embedder } from '../../ports';

/** What the content agents remember: the brand's voice as configured, and its best past posts. */
export const MEMORY_TYPES = ['brand_voice', 'best_post'] as const;
export type MemoryType = (typeof MEMORY_TYPES)[number];

/**
 * At most this many best-post memories per organization: the posts that did best against their
 * own account's usual over the learning year. It bounds what recall() reads and scores in code
 * (pgvector is not available on every database Plume runs on): 200 rows of 1024 numbers
 * (the local embedder; Titan's default is 512) is about 800 KB read and 200k multiplications
 * per recall.
 */
export const MAX_BEST_POSTS = 200;

/** What a memory module needs: the organization, its transactions (row-level security), an embedder. */
export interface MemoryDeps {
  organizationId: string;
  inTenant<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  embedder: Embedder;
}

/** One thing to remember, keyed by where it came from so remembering it again changes nothing. */
export interface MemoryItem {
  /** `post:<post target id>`, `brand_voice:<agent type>`: unique per organization and type. */
  sourceKey: string;
  text: string;
  metadata: Record<string, unknown>;
  /** 0-1 (ai_agent_memory.importance_score). */
  importance: number;
  agentId?: string | null;
}

/** The vector space an embedder writes in: rows embedded in another are embedded again. */
export function embeddingSpace(embedder: Pick<Embedder, 'model' | 'dimensions'>): string {
  return `${embedder.model}/${embedder.dimensions}`;
}
