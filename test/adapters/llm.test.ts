import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnthropicLlm } from '../../functions/adapters/aws/anthropic-llm';
import { BedrockLlm } from '../../functions/adapters/aws/bedrock-llm';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { OfflineLlm } from '../../functions/adapters/local/offline-llm';
import type { Llm, LlmRequest } from '../../functions/core/ports';

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

/** Shared expectations for every provider. */
function describeLlmContract(name: string, create: () => Llm): void {
  describe(`Llm contract: ${name}`, () => {
    it('answers free text with usage and its provider name', async () => {
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
    });

    it('answers a JSON-schema request with a document that validates, also serialised as text', async () => {
      const response = await create().complete(draftRequest);
      expect(draftSchema.parse(response.json)).toEqual(response.json);
      expect(JSON.parse(response.text)).toEqual(response.json);
    });
  });
}

// --- Anthropic API, with the SDK's HTTP going to a recorder ---
function anthropicHarness() {
  const bodies: Record<string, unknown>[] = [];
  const headers: Headers[] = [];
  const fetchFn: typeof fetch = async (_input, init) => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    bodies.push(body);
    headers.push(new Headers(init?.headers));
    const structured = Array.isArray(body.tools);
    return new Response(
      JSON.stringify({
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-6',
        content: structured
          ? [{ type: 'tool_use', id: 'toolu_1', name: 'post_draft', input: DRAFT }]
          : [
              { type: 'text', text: 'Hi ' },
              { type: 'text', text: 'there' },
            ],
        stop_reason: structured ? 'tool_use' : 'end_turn',
        usage: {
          input_tokens: 100,
          output_tokens: 20,
          cache_creation_input_tokens: 5,
          cache_read_input_tokens: 10,
        },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
  };
  const secrets = { get: async () => 'sk-ant-secret' };
  const llm = new AnthropicLlm(secrets, 'claude-sonnet-4-6', { fetch: fetchFn, maxRetries: 0 });
  return { llm, bodies, headers };
}

// --- Bedrock Converse, with the client mocked ---
function bedrockHarness() {
  const client = new BedrockRuntimeClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(ConverseCommand).callsFake((input: ConverseCommand['input']) => ({
    output: {
      message: {
        role: 'assistant',
        content: input.toolConfig
          ? [{ toolUse: { toolUseId: 't1', name: 'post_draft', input: DRAFT } }]
          : [{ text: 'Hi there' }],
      },
    },
    stopReason: input.toolConfig ? 'tool_use' : 'end_turn',
    usage: { inputTokens: 90, outputTokens: 15, totalTokens: 105 },
  }));
  return { llm: new BedrockLlm(client, 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'), mock };
}

describeLlmContract('OfflineLlm', () => new OfflineLlm(new ManualClock()));
describeLlmContract('AnthropicLlm', () => anthropicHarness().llm);
describeLlmContract('BedrockLlm', () => bedrockHarness().llm);

describe('AnthropicLlm and the Messages API', () => {
  it('forces the single schema tool and reports usage including cached input', async () => {
    const { llm, bodies, headers } = anthropicHarness();
    const response = await llm.complete(draftRequest);
    expect(bodies[0]).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 500,
      system: 'You write social posts.',
      temperature: 0.7,
      messages: [{ role: 'user', content: 'Announce our spring sale.' }],
      tools: [
        { name: 'post_draft', description: 'A post draft', input_schema: draftRequest.jsonSchema?.schema },
      ],
      tool_choice: { type: 'tool', name: 'post_draft' },
    });
    expect(headers[0]?.get('authorization')).toBe('Bearer sk-ant-secret');
    expect(response).toEqual({
      text: JSON.stringify(DRAFT),
      json: DRAFT,
      model: 'claude-sonnet-4-6',
      provider: 'anthropic',
      usage: { inputTokens: 115, outputTokens: 20 },
    });
  });

  it('sends plain requests without tools and joins the text blocks', async () => {
    const { llm, bodies } = anthropicHarness();
    const response = await llm.complete({ messages: [{ role: 'user', content: 'Say hi' }], maxTokens: 50 });
    expect(bodies[0]).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 50,
      messages: [{ role: 'user', content: 'Say hi' }],
    });
    expect(response.text).toBe('Hi there');
  });
});

describe('BedrockLlm and Converse', () => {
  it('sends a Converse request with a forced toolSpec holding the JSON Schema', async () => {
    const { llm, mock } = bedrockHarness();
    const response = await llm.complete(draftRequest);
    expect(mock.commandCalls(ConverseCommand)[0]?.args[0].input).toEqual({
      modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      system: [{ text: 'You write social posts.' }],
      messages: [{ role: 'user', content: [{ text: 'Announce our spring sale.' }] }],
      inferenceConfig: { maxTokens: 500, temperature: 0.7 },
      toolConfig: {
        tools: [
          {
            toolSpec: {
              name: 'post_draft',
              description: 'A post draft',
              inputSchema: { json: draftRequest.jsonSchema?.schema },
            },
          },
        ],
        toolChoice: { tool: { name: 'post_draft' } },
      },
    });
    expect(response).toMatchObject({
      json: DRAFT,
      provider: 'bedrock',
      usage: { inputTokens: 90, outputTokens: 15 },
    });
  });

  it('fails clearly when the model does not call the tool', async () => {
    const { llm, mock } = bedrockHarness();
    mock.on(ConverseCommand).resolves({
      output: { message: { role: 'assistant', content: [{ text: 'no' }] } },
      stopReason: 'end_turn',
    });
    await expect(llm.complete(draftRequest)).rejects.toThrow(/did not return the requested post_draft/);
  });
});

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
    expect(response).toMatchObject({ provider: 'offline', model: 'plume-offline-1' });
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
