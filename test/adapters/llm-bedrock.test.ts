import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BedrockLlm, createBedrockRuntimeClient } from '../../functions/adapters/aws/bedrock-llm';
import type { LlmCallLimits } from '../../functions/adapters/aws/llm-call-policy';
import { LlmError, type LlmRequest } from '../../functions/core/ports';
import {
  converseErrors,
  startBedrockConverseServer,
  type BedrockConverseServer,
} from './support/bedrock-converse-server';

/**
 * BedrockLlm through the real BedrockRuntimeClient (SigV4-signed, REST-JSON) against a local
 * server speaking Converse: the request it builds, what it makes of the answer, every error
 * the AWS protocol carries, retries counted at the server, and the call's deadline.
 */

const MODEL_ID = 'global.anthropic.claude-sonnet-4-6';
const draftSchema = z.object({
  caption: z.string().min(1).max(280),
  hashtags: z.array(z.string()).min(1).max(5),
  tone: z.enum(['friendly', 'professional', 'playful']),
});
const DRAFT = { caption: 'Spring sale!', hashtags: ['#spring'], tone: 'playful' };
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
const sayHi: LlmRequest = { messages: [{ role: 'user', content: 'Say hi' }], maxTokens: 100 };
const FAST: Partial<LlmCallLimits> = { timeoutMs: 5_000, baseDelayMs: 20, maxDelayMs: 100 };

let server: BedrockConverseServer;

function llm(limits: Partial<LlmCallLimits> = {}, modelId = MODEL_ID): BedrockLlm {
  const client = createBedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: 'stand-in-secret' },
  });
  return new BedrockLlm(client, modelId, { ...FAST, ...limits });
}

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

beforeAll(async () => {
  server = await startBedrockConverseServer({ defaultToolInput: DRAFT });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('BedrockLlm and Converse', () => {
  it('signs with SigV4 and sends a Converse request with a forced toolSpec holding the JSON Schema', async () => {
    server.enqueue({ kind: 'tool_use', input: DRAFT, usage: { inputTokens: 1200, outputTokens: 300 } });
    const response = await llm().complete(draftRequest);
    const [request] = server.requests;
    expect(request?.modelId).toBe(MODEL_ID);
    expect(request?.headers.authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${server.accessKeyId}/\\d{8}/us-east-1/bedrock/aws4_request`),
    );
    expect(request?.body).toEqual({
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
    expect(draftSchema.parse(response.json)).toEqual(DRAFT);
    expect(response).toEqual({
      text: JSON.stringify(DRAFT),
      json: DRAFT,
      model: MODEL_ID,
      provider: 'bedrock',
      usage: { inputTokens: 1200, outputTokens: 300 },
      // The global profile costs the Anthropic list price: $3 in, $15 out per million tokens.
      costUsd: 0.0081,
    });
  });

  it('answers free text without toolConfig', async () => {
    server.enqueue({ kind: 'text', text: 'Hi there', usage: { inputTokens: 10, outputTokens: 4 } });
    const response = await llm().complete(sayHi);
    expect(server.requests[0]?.body).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Say hi' }] }],
      inferenceConfig: { maxTokens: 100 },
    });
    expect(response).toMatchObject({
      text: 'Hi there',
      usage: { inputTokens: 10, outputTokens: 4 },
      costUsd: 0.00009,
    });
    expect(response.json).toBeUndefined();
  });

  it('prices a geographic inference profile 10% above the global one, and counts cached input', async () => {
    server.enqueue({
      kind: 'text',
      text: 'ok',
      usage: { inputTokens: 100, cacheReadInputTokens: 1000, cacheWriteInputTokens: 400, outputTokens: 50 },
    });
    const response = await llm({}, 'us.anthropic.claude-sonnet-4-6').complete(sayHi);
    expect(server.requests[0]?.modelId).toBe('us.anthropic.claude-sonnet-4-6');
    expect(response.usage).toEqual({
      inputTokens: 1500,
      outputTokens: 50,
      cacheReadInputTokens: 1000,
      cacheWriteInputTokens: 400,
    });
    // (100 × $3 + 400 × $3.75 + 1000 × $0.30 + 50 × $15) × 1.1, per million tokens.
    expect(response.costUsd).toBe(0.003135);
  });

  it("maps an agent's own model to its Bedrock id through the configured profile, priced as that model", async () => {
    server.enqueue({ kind: 'text', text: 'ok', usage: { inputTokens: 1000, outputTokens: 100 } });
    const response = await llm().complete({ ...sayHi, model: 'claude-haiku-4-5' });
    expect(server.requests[0]?.modelId).toBe('global.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(response.model).toBe('global.anthropic.claude-haiku-4-5-20251001-v1:0');
    // Haiku 4.5 through the global profile: $1 in, $5 out per million tokens.
    expect(response.costUsd).toBe(0.0015);

    server.enqueue({ kind: 'text', text: 'ok', usage: { inputTokens: 1000, outputTokens: 100 } });
    const regional = await llm({}, 'eu.anthropic.claude-sonnet-4-6').complete({
      ...sayHi,
      model: 'claude-opus-4-6',
    });
    expect(server.requests[1]?.modelId).toBe('eu.anthropic.claude-opus-4-6-v1');
    // Opus 4.6 through a geographic profile: 10% above $5 / $25.
    expect(regional.costUsd).toBe(0.00825);

    server.enqueue({ kind: 'text', text: 'ok' });
    await llm({}, 'anthropic.claude-sonnet-4-6').complete({ ...sayHi, model: 'claude-sonnet-4-5' });
    expect(server.requests[2]?.modelId).toBe('anthropic.claude-sonnet-4-5-20250929-v1:0');
  });

  it('refuses a model Converse does not serve, naming it, without sending anything', async () => {
    const error = await failure(llm().complete({ ...sayHi, model: 'claude-opus-4-7' }));
    expect(error.kind).toBe('invalid_request');
    expect(error.message).toContain('Claude Opus 4.7');
    expect(server.requests).toHaveLength(0);
  });

  it('fails a structured answer cut at max_tokens as max_tokens', async () => {
    server.enqueue({ kind: 'tool_use', input: { caption: 'Spr' }, stopReason: 'max_tokens' });
    const error = await failure(llm().complete(draftRequest));
    expect(error).toMatchObject({ kind: 'max_tokens', retryable: false, provider: 'bedrock' });
  });

  it('fails a structured request answered in prose as no_structured_output', async () => {
    server.enqueue({ kind: 'text', text: 'no' });
    const error = await failure(llm().complete(draftRequest));
    expect(error).toMatchObject({ kind: 'no_structured_output', retryable: false });
    expect(error.message).toContain('post_draft');
  });
});

describe('BedrockLlm errors and retries (attempts counted at the server)', () => {
  it.each([
    {
      name: 'ValidationException 400',
      answer: converseErrors.validation(),
      kind: 'invalid_request',
      status: 400,
      attempts: 1,
    },
    {
      name: 'AccessDeniedException 403',
      answer: converseErrors.accessDenied(),
      kind: 'auth',
      status: 403,
      attempts: 1,
    },
    {
      name: 'ModelTimeoutException 408',
      answer: converseErrors.modelTimeout(),
      kind: 'timeout',
      status: 408,
      attempts: 1,
    },
    {
      name: 'ThrottlingException 429 each time',
      answer: converseErrors.throttling(),
      kind: 'rate_limited',
      status: 429,
      attempts: 3,
    },
    {
      name: 'ServiceUnavailableException 503 each time',
      answer: converseErrors.serviceUnavailable(),
      kind: 'unavailable',
      status: 503,
      attempts: 3,
    },
  ])('$name: $kind after $attempts attempt(s)', async ({ answer, kind, status, attempts }) => {
    server.enqueue(answer, answer, answer, answer);
    const error = await failure(llm().complete(sayHi));
    expect(error).toMatchObject({ kind, status, attempts, provider: 'bedrock' });
    expect(error.retryable).toBe(attempts > 1);
    // The SDK's own retries are off: every attempt here is one of ours.
    expect(server.requests).toHaveLength(attempts);
    expect(server.requests.map((r) => r.headers['amz-sdk-request'])).toEqual(
      Array.from({ length: attempts }, () => 'attempt=1; max=1'),
    );
  });

  it('rejects unknown credentials as auth without retrying', async () => {
    const client = createBedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: server.endpoint,
      credentials: { accessKeyId: 'AKIAOTHERACCOUNT0000', secretAccessKey: 'x' },
    });
    const error = await failure(new BedrockLlm(client, MODEL_ID, FAST).complete(sayHi));
    expect(error).toMatchObject({ kind: 'auth', status: 403, attempts: 1 });
  });

  it('backs off exponentially on throttling and succeeds on the third attempt', async () => {
    server.enqueue(converseErrors.throttling(), converseErrors.throttling());
    const response = await llm({ baseDelayMs: 200, maxDelayMs: 2_000 }).complete(sayHi);
    expect(response.text).toContain('stand-in');
    const [first, second, third] = server.requests.map((r) => r.receivedAt);
    expect(second! - first!).toBeGreaterThanOrEqual(150);
    expect(second! - first!).toBeLessThan(400);
    expect(third! - second!).toBeGreaterThanOrEqual(300);
    expect(third! - second!).toBeLessThan(700);
  });

  it('honours a retry-after header on a throttled answer', async () => {
    server.enqueue(converseErrors.throttling({ 'retry-after': '1' }));
    const response = await llm({ baseDelayMs: 20 }).complete(sayHi);
    expect(response.text).toContain('stand-in');
    const gap = server.requests[1]!.receivedAt - server.requests[0]!.receivedAt;
    expect(gap).toBeGreaterThanOrEqual(1_000);
    expect(gap).toBeLessThan(1_500);
  });
});

describe('BedrockLlm deadline (LLM_TIMEOUT_MS)', () => {
  it('ends a call whose answer is slower than the timeout with kind timeout', async () => {
    server.delayMs = 3_000;
    const started = performance.now();
    const error = await failure(llm({ timeoutMs: 300 }).complete(sayHi));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: 'timeout', retryable: false, attempts: 1 });
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
  });

  it('counts a retry after 503 and its wait in the same budget', async () => {
    server.enqueue(converseErrors.serviceUnavailable(), { kind: 'text', text: 'late', delayMs: 3_000 });
    const started = performance.now();
    const error = await failure(llm({ timeoutMs: 600, baseDelayMs: 100 }).complete(sayHi));
    expect(error).toMatchObject({ kind: 'timeout', attempts: 2 });
    expect(performance.now() - started).toBeLessThan(1_300);
    expect(server.requests).toHaveLength(2);
  });
});
