import * as z from 'zod';
import { PLATFORM_IDS } from '../../../shared/platforms/catalog';
import type { TaskContext } from '../tasks/task-handler';
import { bestExamples, type RatedPost } from './past-performance';

/** An example as a content result shows it: which memory it came from and how near the brief it is. */
export const exampleUsed = z.object({
  platform: z.enum(PLATFORM_IDS),
  text: z.string(),
  lift: z.number(),
  /** The `ai_agent_memory` row recalled for it; null when it was picked by lift alone. */
  memoryId: z.string().nullable(),
  /** Cosine similarity to the brief; null when picked by lift alone. */
  similarity: z.number().nullable(),
});
export type ExampleUsed = z.infer<typeof exampleUsed>;

/** What the result says about memory: which embedder, what it recalled, what the refresh did. */
export const memoryReport = z.object({
  embedder: z.enum(['bedrock', 'local']),
  model: z.string(),
  /** True for the local embedder: similarity is shared words, not meaning. */
  lexical: z.boolean(),
  used: z.array(z.object({ id: z.string(), type: z.string(), similarity: z.number() })),
  refresh: z.object({ embedded: z.number().int(), removed: z.number().int() }),
  /** Set when memory could not be used (the embedder failed): the examples are by lift alone. */
  unavailable: z.string().optional(),
});
export type MemoryReport = z.infer<typeof memoryReport>;

/**
 * Below this, a recalled post shares too little with the brief to be an example of it. With
 * the local embedder (1024 buckets), briefs unrelated to any post scored at most 0.11 on the
 * labelled set (test/fixtures/agent-memory; hash collisions and a shared common word), briefs
 * about a topic 0.29-0.68 against its best post. Titan's scale was not measured here: the same
 * bar is a guess for it.
 */
const MIN_SIMILARITY = 0.15;
/** A post from another network than those asked for counts this much of its similarity. */
const OTHER_NETWORK = 0.75;

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The examples a content task shows the model: the organization's best posts recalled from
 * memory as the nearest to `query` (best-post memories refreshed first, lazily, from the
 * history the task already loaded), then, if fewer than `limit` are near enough, its best
 * posts by lift. The configured brand voice is remembered too. An embedder failure does not
 * fail the task: the examples fall back to lift, and the report says why.
 */
export async function relevantExamples(
  context: Pick<TaskContext, 'memory' | 'settings' | 'logger'>,
  rated: readonly RatedPost[],
  options: { query: string; platforms: readonly string[]; limit: number },
): Promise<{ examples: ExampleUsed[]; memory: MemoryReport }> {
  const { memory: store } = context;
  const base = {
    embedder: store.embedder.provider,
    model: store.embedder.model,
    lexical: store.embedder.provider === 'local',
  };
  const byTarget = new Map(rated.map((post) => [post.outcome.targetId, post]));
  const examples: ExampleUsed[] = [];
  let memory: MemoryReport;
  try {
    const refreshed = await store.refreshBestPosts(rated);
    await store.rememberBrandVoice(
      { type: 'content_creator', ...(context.settings.id ? { id: context.settings.id } : {}) },
      context.settings.configuration,
    );
    // Twice the limit, so favouring the asked networks below still has a choice.
    const recalled = await store.recall(options.query, {
      k: options.limit * 2,
      types: ['best_post'],
      minSimilarity: MIN_SIMILARITY,
    });
    const weight = (platform: unknown) => (options.platforms.includes(String(platform)) ? 1 : OTHER_NETWORK);
    const chosen = [...recalled]
      .sort((a, b) => b.similarity * weight(b.metadata.platform) - a.similarity * weight(a.metadata.platform))
      .slice(0, options.limit);
    for (const memoryRow of chosen) {
      const post = byTarget.get(String(memoryRow.metadata.targetId));
      if (!post) continue;
      examples.push({
        platform: post.outcome.platform,
        text: post.outcome.text,
        lift: round(post.lift),
        memoryId: memoryRow.id,
        similarity: memoryRow.similarity,
      });
    }
    memory = {
      ...base,
      used: examples.map((e) => ({ id: e.memoryId!, type: 'best_post', similarity: e.similarity! })),
      refresh: { embedded: refreshed.embedded, removed: refreshed.removed },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.logger.warn('Agent memory unavailable; examples by lift alone', { reason });
    memory = { ...base, used: [], refresh: { embedded: 0, removed: 0 }, unavailable: reason.slice(0, 300) };
  }
  if (examples.length < options.limit) {
    const taken = new Set(examples.map((e) => e.text.trim()));
    const byLift = bestExamples([...rated], {
      brief: options.query,
      platforms: options.platforms,
      limit: options.limit + taken.size,
    }).filter((post) => !taken.has(post.outcome.text.trim()));
    for (const post of byLift.slice(0, options.limit - examples.length))
      examples.push({
        platform: post.outcome.platform,
        text: post.outcome.text,
        lift: round(post.lift),
        memoryId: null,
        similarity: null,
      });
  }
  return { examples, memory };
}
