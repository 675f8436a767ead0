import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BedrockEmbedder } from '../../../../functions/adapters/aws/bedrock-embedder';
import { createBedrockRuntimeClient } from '../../../../functions/adapters/aws/bedrock-llm';
import { HashingEmbedder } from '../../../../functions/adapters/local/hashing-embedder';
import type { RatedPost } from '../../../../functions/core/agents/content/past-performance';
import { relevantExamples } from '../../../../functions/core/agents/content/relevant-examples';
import { agentMemory } from '../../../../functions/core/agents/memory';
import type { Embedder } from '../../../../functions/core/ports';
import type { DatabaseHandle } from '../../../../functions/db/client';
import { aiAgentMemory } from '../../../../functions/db/schema';
import { withSystem, withTenant } from '../../../../functions/db/tenant';
import { LABELLED_POSTS } from '../../../fixtures/agent-memory/labelled-posts';
import {
  startBedrockInvokeServer,
  type BedrockInvokeServer,
} from '../../../adapters/support/bedrock-invoke-server';
import { createTestOrganization, getTestDatabase } from '../../../support/db';

/**
 * The content creator's examples: recalled from memory nearest the brief (the memory refreshed
 * from the history first), on the asked networks first, topped up by lift; and by lift alone,
 * saying why, when the embedder fails.
 */

const at = new Date('2035-01-01T12:00:00Z');
const rated: RatedPost[] = LABELLED_POSTS.map((post, index) => ({
  outcome: {
    targetId: `t-${index}`,
    postId: `p-${index}`,
    socialAccountId: 'a',
    platform: index % 2 ? 'bluesky' : 'mastodon',
    publishedAt: at,
    text: post.text,
    mediaCount: 0,
    engagement: 10,
    impressions: 100,
    followersAtPublish: 1000,
    asOf: at,
  },
  // The coffee posts did best of all: picked by lift alone, they would come first.
  lift: post.topic === 'coffee' ? 5 : 1 + index / 100,
}));

describe('relevantExamples', () => {
  let handle: DatabaseHandle;
  let titan: BedrockInvokeServer;
  const warnings: string[] = [];

  const contextFor = (organizationId: string, embedder: Embedder) => ({
    memory: agentMemory({
      organizationId,
      embedder,
      inTenant: (work) => withTenant(handle.db, organizationId, work),
    }),
    settings: { isActive: true, configuration: { brandVoice: 'Warm and plain' } },
    logger: { info: () => {}, warn: (message: string) => void warnings.push(message) },
  });

  beforeAll(async () => {
    handle = await getTestDatabase();
    titan = await startBedrockInvokeServer();
  });
  afterAll(async () => {
    await titan?.close();
    await handle?.close();
  });

  it('recalls the posts nearest the brief, on the asked network first, and names the memories used', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    const { examples, memory } = await relevantExamples(
      contextFor(organizationId, new HashingEmbedder()),
      rated,
      {
        query: 'Sponsor our charity bike ride for the food bank',
        platforms: ['bluesky'],
        limit: 3,
      },
    );
    const charity = new Set(LABELLED_POSTS.filter((p) => p.topic === 'charity-ride').map((p) => p.text));
    expect(examples).toHaveLength(3);
    expect(examples.every((e) => charity.has(e.text))).toBe(true);
    expect(examples.every((e) => e.memoryId !== null && e.similarity! > 0)).toBe(true);
    expect(examples[0]!.platform).toBe('bluesky');
    expect(memory).toMatchObject({ embedder: 'local', model: 'plume-hashing-v1', lexical: true });
    expect(memory.refresh).toEqual({ embedded: 48, removed: 0 });
    expect(memory.used.map((m) => m.id)).toEqual(examples.map((e) => e.memoryId));
    // Those ids are the organization's memory rows, and its brand voice is remembered too.
    const rows = await withSystem(handle.db, (tx) =>
      tx.select().from(aiAgentMemory).where(eq(aiAgentMemory.organizationId, organizationId)),
    );
    expect(memory.used.every((m) => rows.some((r) => r.id === m.id && r.memoryType === 'best_post'))).toBe(
      true,
    );
    expect(rows.filter((r) => r.memoryType === 'brand_voice').map((r) => r.contentSummary)).toEqual([
      'Warm and plain',
    ]);

    // A second task with the same history embeds nothing new.
    const again = await relevantExamples(contextFor(organizationId, new HashingEmbedder()), rated, {
      query: 'Sponsor our charity bike ride for the food bank',
      platforms: ['bluesky'],
      limit: 3,
    });
    expect(again.memory.refresh).toEqual({ embedded: 0, removed: 0 });
    expect(again.examples).toEqual(examples);
  });

  it('tops up by lift when fewer posts are near the brief', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    const { examples } = await relevantExamples(contextFor(organizationId, new HashingEmbedder()), rated, {
      query: 'zzzz qqqq',
      platforms: ['mastodon'],
      limit: 2,
    });
    expect(examples.map((e) => e.memoryId)).toEqual([null, null]);
    expect(examples.every((e) => e.lift === 5)).toBe(true);
  });

  it('falls back to lift, saying why, when the embedder fails; the task goes on', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    for (let i = 0; i < 3; i += 1)
      titan.enqueue({
        kind: 'error',
        status: 403,
        code: 'AccessDeniedException',
        message: "You don't have access to the model with the specified model ID.",
      });
    const client = createBedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: titan.endpoint,
      credentials: { accessKeyId: titan.accessKeyId, secretAccessKey: 'stand-in-secret' },
    });
    const { examples, memory } = await relevantExamples(
      contextFor(organizationId, new BedrockEmbedder(client, undefined, 512, { timeoutMs: 5_000 })),
      rated,
      { query: 'Sponsor our charity bike ride', platforms: ['bluesky'], limit: 3 },
    );
    expect(memory.unavailable).toContain("You don't have access to the model");
    expect(memory.used).toEqual([]);
    expect(examples).toHaveLength(3);
    expect(examples.every((e) => e.memoryId === null && e.lift === 5)).toBe(true);
    expect(warnings).toContain('Agent memory unavailable; examples by lift alone');
    const rows = await withSystem(handle.db, (tx) =>
      tx.select().from(aiAgentMemory).where(eq(aiAgentMemory.organizationId, organizationId)),
    );
    expect(rows).toEqual([]);
  });
});
