import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BedrockEmbedder } from '../../../../functions/adapters/aws/bedrock-embedder';
import { createBedrockRuntimeClient } from '../../../../functions/adapters/aws/bedrock-llm';
import { HashingEmbedder } from '../../../../functions/adapters/local/hashing-embedder';
import type { RatedPost } from '../../../../functions/core/agents/content/past-performance';
import {
  MAX_BEST_POSTS,
  recall,
  refreshBestPosts,
  rememberBrandVoice,
  type MemoryDeps,
} from '../../../../functions/core/agents/memory';
import type { Embedder } from '../../../../functions/core/ports';
import type { DatabaseHandle } from '../../../../functions/db/client';
import { aiAgentMemory } from '../../../../functions/db/schema';
import { withSystem, withTenant } from '../../../../functions/db/tenant';
import {
  LABELLED_BRIEFS,
  LABELLED_POSTS,
  type MemoryTopic,
} from '../../../fixtures/agent-memory/labelled-posts';
import {
  startBedrockInvokeServer,
  type BedrockInvokeServer,
} from '../../../adapters/support/bedrock-invoke-server';
import { createTestOrganization, getTestDatabase } from '../../../support/db';

/**
 * Agent memory on PostgreSQL: best-post memories rebuilt from a rated history (idempotent per
 * source post, re-embedded when the text or the embedding model changes), the brand voice,
 * recall by cosine similarity with known answers from the labelled set, and isolation
 * between organizations under row-level security.
 */

const published = new Date('2035-01-01T12:00:00Z');

/** The labelled posts as a rated history: lift falls with the index, so the order is known. */
function ratedHistory(posts = LABELLED_POSTS, prefix = 't'): RatedPost[] {
  return posts.map((post, index) => ({
    outcome: {
      targetId: `${prefix}-${index}`,
      postId: `p-${index}`,
      socialAccountId: 'a',
      platform: index % 2 ? 'bluesky' : 'mastodon',
      publishedAt: published,
      text: post.text,
      mediaCount: 0,
      engagement: 10,
      impressions: 100,
      followersAtPublish: 1000,
      asOf: published,
    },
    lift: 3 - index / 100,
  }));
}

const topicOf = (text: string): MemoryTopic | undefined => LABELLED_POSTS.find((p) => p.text === text)?.topic;

describe('agent memory', () => {
  let handle: DatabaseHandle;
  let titan: BedrockInvokeServer;
  const local = new HashingEmbedder();

  const depsFor = (organizationId: string, embedder: Embedder = local): MemoryDeps => ({
    organizationId,
    embedder,
    inTenant: (work) => withTenant(handle.db, organizationId, work),
  });
  const rowsOf = (organizationId: string) =>
    withSystem(handle.db, (tx) =>
      tx.select().from(aiAgentMemory).where(eq(aiAgentMemory.organizationId, organizationId)),
    );

  beforeAll(async () => {
    handle = await getTestDatabase();
    titan = await startBedrockInvokeServer();
  });
  afterAll(async () => {
    await titan?.close();
    await handle?.close();
  });
  beforeEach(() => titan.reset());

  it('recalls the posts about the brief’s topic first (known answers from the labelled set)', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    const deps = depsFor(organizationId);
    await refreshBestPosts(deps, ratedHistory());
    // Every brief that shares words with its topic's posts (the local embedder is lexical).
    const briefs = LABELLED_BRIEFS.filter((b) => !b.paraphrase);
    expect(briefs).toHaveLength(12);
    for (const { brief, topic } of briefs) {
      const recalled = await recall(deps, brief, { k: 3, types: ['best_post'] });
      expect(topicOf(recalled[0]!.text), brief).toBe(topic);
      expect(recalled.map((m) => m.similarity)).toEqual(
        [...recalled.map((m) => m.similarity)].sort((a, b) => b - a),
      );
      expect(recalled[0]!.metadata).toMatchObject({
        targetId: expect.stringMatching(/^t-/),
        lift: expect.any(Number),
      });
    }
    // A topic whose words only its own posts use: all three recalled are of it.
    const kids = await recall(deps, 'Kids baking class on Saturday', { k: 3, types: ['best_post'] });
    expect(kids.map((m) => topicOf(m.text))).toEqual(['kids-class', 'kids-class', 'kids-class']);
  });

  it('is idempotent per source post, embeds only what changed, and forgets posts that left the best', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    const deps = depsFor(organizationId);
    const history = ratedHistory();
    expect(await refreshBestPosts(deps, history)).toEqual({
      embedded: 48,
      updated: 0,
      removed: 0,
      unchanged: 0,
    });
    expect(await refreshBestPosts(deps, history)).toEqual({
      embedded: 0,
      updated: 0,
      removed: 0,
      unchanged: 48,
    });
    expect(await rowsOf(organizationId)).toHaveLength(48);

    // One post edited, one's figures grew, one gone from the history.
    const next = history
      .slice(0, 47)
      .map((post, index) =>
        index === 0
          ? { ...post, outcome: { ...post.outcome, text: `${post.outcome.text} Edited.` } }
          : index === 1
            ? { ...post, lift: 9 }
            : post,
      );
    expect(await refreshBestPosts(deps, next)).toEqual({
      embedded: 1,
      updated: 1,
      removed: 1,
      unchanged: 45,
    });
    const rows = await rowsOf(organizationId);
    expect(rows).toHaveLength(47);
    expect(new Set(rows.map((r) => r.vectorId)).size).toBe(47);
    expect(rows.find((r) => r.vectorId === 't-1')).toBeUndefined();
    expect(rows.find((r) => r.vectorId === 'post:t-1')).toMatchObject({
      importanceScore: 1,
      metadata: { lift: 9 },
    });
    expect(rows.find((r) => r.vectorId === 'post:t-0')!.contentSummary).toContain('Edited.');
  });

  it('keeps at most MAX_BEST_POSTS best posts, the best by lift, one per text', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    const many = Array.from({ length: MAX_BEST_POSTS + 30 }, (_, i) => ({
      topic: 'coffee' as const,
      text: `Coffee note ${i}`,
    }));
    const history = [...ratedHistory(many), ...ratedHistory(many.slice(0, 5), 'dup')];
    await refreshBestPosts(depsFor(organizationId), history);
    const rows = await rowsOf(organizationId);
    expect(rows).toHaveLength(MAX_BEST_POSTS);
    expect(rows.map((r) => r.contentSummary)).not.toContain(`Coffee note ${MAX_BEST_POSTS + 29}`);
  });

  it('two refreshes at once leave one row per post', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    const deps = depsFor(organizationId);
    await Promise.all([refreshBestPosts(deps, ratedHistory()), refreshBestPosts(deps, ratedHistory())]);
    const rows = await rowsOf(organizationId);
    expect(rows).toHaveLength(48);
    expect(new Set(rows.map((r) => r.vectorId)).size).toBe(48);
  });

  it('re-embeds with Titan when the embedding model changes, and recalls only rows of the current model', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    const history = ratedHistory().slice(0, 8);
    await refreshBestPosts(depsFor(organizationId), history);
    const client = createBedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: titan.endpoint,
      credentials: { accessKeyId: titan.accessKeyId, secretAccessKey: 'stand-in-secret' },
    });
    const bedrock = new BedrockEmbedder(client, undefined, 256, { timeoutMs: 5_000 });
    // Before the refresh, the Titan space holds nothing: the local vectors are not comparable.
    expect(
      await recall(depsFor(organizationId, bedrock), 'sourdough', { k: 3, types: ['best_post'] }),
    ).toEqual([]);
    expect(titan.requests).toHaveLength(0);

    expect(await refreshBestPosts(depsFor(organizationId, bedrock), history)).toMatchObject({ embedded: 8 });
    expect(titan.requests.map((r) => r.body.dimensions)).toEqual(new Array(8).fill(256));
    const rows = await rowsOf(organizationId);
    expect(rows).toHaveLength(8);
    expect(
      rows.every(
        (r) => r.embeddingModel === 'amazon.titan-embed-text-v2:0/256' && r.embedding?.length === 256,
      ),
    ).toBe(true);
    // The stand-in's vector for an identical text is identical: that post comes first.
    const exact = history[3]!.outcome.text;
    const [first] = await recall(depsFor(organizationId, bedrock), exact, { k: 1, types: ['best_post'] });
    expect(first).toMatchObject({ text: exact, similarity: 1 });
  });

  it('remembers the brand voice once, and forgets it when the configuration drops it', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    const deps = depsFor(organizationId);
    const agent = { type: 'content_creator' as const };
    expect(
      await rememberBrandVoice(deps, agent, {
        brandVoice: 'Warm, plain, first person plural',
        audience: 'Neighbours',
      }),
    ).toMatchObject({
      embedded: 1,
    });
    expect(
      await rememberBrandVoice(deps, agent, {
        brandVoice: 'Warm, plain, first person plural',
        audience: 'Neighbours',
      }),
    ).toMatchObject({
      embedded: 0,
      unchanged: 1,
    });
    const [voice] = await recall(deps, 'plain warm voice', { k: 1, types: ['brand_voice'] });
    expect(voice).toMatchObject({
      type: 'brand_voice',
      text: 'Warm, plain, first person plural\nAudience: Neighbours',
    });
    expect(await rememberBrandVoice(deps, agent, {})).toMatchObject({ removed: 1 });
    expect(await recall(deps, 'plain warm voice', { k: 1, types: ['brand_voice'] })).toEqual([]);
  });

  it('never reads or touches another organization’s memories', async () => {
    const first = await createTestOrganization(handle.db);
    const second = await createTestOrganization(handle.db);
    const sourdough = LABELLED_POSTS.filter((p) => p.topic === 'sourdough');
    const coffee = LABELLED_POSTS.filter((p) => p.topic === 'coffee');
    await refreshBestPosts(depsFor(first.organizationId), ratedHistory(sourdough));
    await refreshBestPosts(depsFor(second.organizationId), ratedHistory(coffee));
    const recalled = await recall(depsFor(second.organizationId), 'sourdough loaves and starter', {
      k: 10,
      types: ['best_post'],
    });
    expect(recalled.every((m) => topicOf(m.text) === 'coffee')).toBe(true);
    // The second organization's refresh (same source keys t-0..t-7) left the first's rows alone.
    expect(await rowsOf(first.organizationId)).toHaveLength(8);
    // Row-level security: inside the second organization's transaction, the first's rows do not exist.
    const seen = await withTenant(handle.db, second.organizationId, (tx) =>
      tx
        .select({ id: aiAgentMemory.id })
        .from(aiAgentMemory)
        .where(
          and(
            eq(aiAgentMemory.organizationId, first.organizationId),
            eq(aiAgentMemory.memoryType, 'best_post'),
          ),
        ),
    );
    expect(seen).toEqual([]);
  });
});
