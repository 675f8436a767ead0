import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnthropicLlm } from '../../functions/adapters/aws/anthropic-llm';
import { BedrockLlm, createBedrockRuntimeClient } from '../../functions/adapters/aws/bedrock-llm';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { OfflineLlm } from '../../functions/adapters/local/offline-llm';
import type { Llm, LlmRequest } from '../../functions/core/ports';
import {
  startAnthropicMessagesServer,
  type AnthropicMessagesServer,
} from './support/anthropic-messages-server';
import { startBedrockConverseServer, type BedrockConverseServer } from './support/bedrock-converse-server';

/**
 * The contract every Llm provider keeps, each provider against what it talks to: the offline
 * one alone, the Anthropic API and Bedrock through their real SDKs against local servers
 * speaking their APIs (test/adapters/support). Each provider's own behaviour (errors,
 * retries, deadline, cost) is tested in llm-anthropic.test.ts and llm-bedrock.test.ts.
 */

const draftSchema = z.object({
  caption: z.string().min(1).max(280),
  hashtags: z
    .array(z.string().regex(/^#?[\w ()[\]-]+$/))
    .min(1)
    .max(5),
  tone: z.enum(['friendly', 'professional', 'playful']),
});
const draftRequest: LlmRequest = {
  system: 'You write social posts.',
  messages: [{ role: 'user', content: 'Announce our spring sale.' }],
  maxTokens: 500,
  temperature: 0.7,
  jsonSchema: {
    name: 'post_draft',
    description: 'A post draft',
    schema: z.toJSONSchema(draftSchema) as Record<string, unknown>,
  },
};
const DRAFT = { caption: 'Spring sale!', hashtags: ['#spring'], tone: 'playful' };

let messages: AnthropicMessagesServer;
let converse: BedrockConverseServer;
beforeAll(async () => {
  messages = await startAnthropicMessagesServer({ defaultToolInput: DRAFT });
  converse = await startBedrockConverseServer({ defaultToolInput: DRAFT });
});
afterAll(async () => {
  await messages.close();
  await converse.close();
});

/** Shared expectations for every provider. */
function describeLlmContract(name: string, create: () => Llm): void {
  describe(`Llm contract: ${name}`, () => {
    it('answers free text with usage, cost and its provider name', async () => {
      const llm = create();
      const response = await llm.complete({
        messages: [{ role: 'user', content: 'Say hi' }],
        maxTokens: 100,
      });
      expect(response.provider).toBe(llm.provider);
      expect(response.text.length).toBeGreaterThan(0);
      expect(response.json).toBeUndefined();
      expect(response.usage.inputTokens).toBeGreaterThan(0);
      expect(response.usage.outputTokens).toBeGreaterThan(0);
      expect(response.costUsd).toBeGreaterThanOrEqual(0);
    });

    it('answers a JSON-schema request with a document that validates, also serialised as text', async () => {
      const response = await create().complete(draftRequest);
      expect(draftSchema.parse(response.json)).toEqual(response.json);
      expect(JSON.parse(response.text)).toEqual(response.json);
    });
  });
}

describeLlmContract('OfflineLlm', () => new OfflineLlm(new ManualClock()));
describeLlmContract(
  'AnthropicLlm',
  () =>
    new AnthropicLlm({ get: async () => messages.apiKey }, 'claude-sonnet-4-6', {
      client: { baseURL: messages.url },
    }),
);
describeLlmContract(
  'BedrockLlm',
  () =>
    new BedrockLlm(
      createBedrockRuntimeClient({
        region: 'us-east-1',
        endpoint: converse.endpoint,
        credentials: { accessKeyId: converse.accessKeyId, secretAccessKey: 'stand-in-secret' },
      }),
      'global.anthropic.claude-sonnet-4-6',
    ),
);

describe('OfflineLlm', () => {
  const offline = new OfflineLlm(new ManualClock('2025-06-01T12:00:00.000Z'));
  const ask = async <T extends z.ZodType>(schema: T) => {
    const response = await offline.complete({
      messages: [{ role: 'user', content: 'x' }],
      maxTokens: 1000,
      jsonSchema: { name: 'out', schema: z.toJSONSchema(schema) as Record<string, unknown> },
    });
    return { response, parsed: schema.parse(response.json) as z.infer<T> };
  };

  it('says it is offline in free text', async () => {
    const response = await offline.complete({
      messages: [{ role: 'user', content: 'Write a caption about cats' }],
      maxTokens: 200,
    });
    expect(response.text).toMatch(/offline/i);
    expect(response.text).toContain('Write a caption about cats');
    expect(response).toMatchObject({ provider: 'offline', model: 'plume-offline-1', costUsd: 0 });
  });

  it('reports the model it was asked for (an agent setting), still as the offline provider at no cost', async () => {
    const response = await offline.complete({
      messages: [{ role: 'user', content: 'hi' }],
      maxTokens: 50,
      model: 'claude-opus-4-6',
    });
    expect(response).toMatchObject({ provider: 'offline', model: 'claude-opus-4-6', costUsd: 0 });
  });

  it('keeps free text within the token budget', async () => {
    const response = await offline.complete({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 5 });
    expect(response.text.length).toBeLessThanOrEqual(20);
    expect(response.usage.outputTokens).toBeLessThanOrEqual(5);
  });

  it('conforms to the schemas the agents use', async () => {
    const schema = z.object({
      id: z.uuid(),
      email: z.email(),
      link: z.url(),
      at: z.iso.datetime(),
      day: z.iso.date(),
      title: z.string().min(20).max(40),
      short: z.string().max(3),
      score: z.number().min(0).max(1),
      confidence: z.number().gt(0).lt(1),
      count: z.int().min(1).max(10),
      step: z.number().multipleOf(5).min(12),
      flag: z.boolean(),
      kind: z.literal('report'),
      status: z.enum(['low', 'medium', 'high']),
      tags: z.array(z.string()).min(3).max(5),
      unique: z.array(z.enum(['a', 'b', 'c'])).min(3),
      maybe: z.string().nullable(),
      optional: z.number().optional(),
      either: z.union([z.number(), z.string()]),
      pair: z.tuple([z.string(), z.number()]),
      byPlatform: z.record(z.string(), z.number()),
      recommendations: z
        .array(z.object({ weekday: z.int().min(0).max(6), hour: z.int().min(0).max(23), reason: z.string() }))
        .min(2),
      event: z.discriminatedUnion('type', [
        z.object({ type: z.literal('spike'), size: z.number() }),
        z.object({ type: z.literal('dip') }),
      ]),
    });
    const { parsed, response } = await ask(schema);
    expect(parsed.title).toMatch(/offline/);
    expect(parsed.recommendations).toHaveLength(2);
    expect(new Set(parsed.unique).size).toBe(3);
    expect(parsed.at).toBe('2025-06-01T12:00:00.000Z');
    expect(response.usage.outputTokens).toBe(Math.ceil(response.text.length / 4));
  });

  it('follows local $refs (recursive and reused schemas)', async () => {
    const node: z.ZodType<{ name: string; children: unknown[] }> = z.object({
      name: z.string(),
      get children() {
        return z.array(node);
      },
    });
    const { parsed } = await ask(z.object({ root: node, again: node }));
    expect(parsed.root.name).toMatch(/offline/);
  });

  it('is deterministic', async () => {
    const first = await ask(draftSchema);
    const second = await ask(draftSchema);
    expect(first.response.text).toBe(second.response.text);
  });
});
