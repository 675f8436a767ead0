import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnthropicLlm } from '../../functions/adapters/aws/anthropic-llm';
import type { LlmCallLimits } from '../../functions/adapters/aws/llm-call-policy';
import { SecretsManagerSecrets } from '../../functions/adapters/aws/secrets-manager-secrets';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { LlmError, type LlmRequest } from '../../functions/core/ports';
import { startSecretsManagerServer, type SecretsManagerServer } from '../support/secrets-manager-server';
import {
  messagesErrors,
  startAnthropicMessagesServer,
  type AnthropicMessagesServer,
} from './support/anthropic-messages-server';

/**
 * AnthropicLlm against a local server speaking the Messages API, with its key read through
 * SecretsManagerSecrets from a local Secrets Manager: what is sent, what comes back, every
 * error kind, the retries (counted at the server) and the call's deadline.
 */

const KEY_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:plume/anthropic-abc123';
const API_KEY = 'sk-ant-api03-stand-in-key';
const MODEL = 'claude-sonnet-4-6';

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

/** Short waits so retries take milliseconds; each test overrides what it measures. */
const FAST: Partial<LlmCallLimits> = { timeoutMs: 5_000, baseDelayMs: 20, maxDelayMs: 100 };

let secretsManager: SecretsManagerServer;
let server: AnthropicMessagesServer;
const secretValues: Record<string, string> = {};

function secretsClient(ttlMs?: number): SecretsManagerSecrets {
  const client = new SecretsManagerClient({
    endpoint: secretsManager.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
  return new SecretsManagerSecrets(
    client,
    { 'anthropic-api-key': { secretId: KEY_ARN } },
    new ManualClock(),
    ttlMs,
  );
}

function llm(limits: Partial<LlmCallLimits> = {}, secrets = secretsClient()): AnthropicLlm {
  return new AnthropicLlm(secrets, MODEL, {
    client: { baseURL: server.url },
    limits: { ...FAST, ...limits },
  });
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
  secretsManager = await startSecretsManagerServer(secretValues);
  server = await startAnthropicMessagesServer({ apiKey: API_KEY, defaultToolInput: DRAFT });
});
afterAll(async () => {
  await server.close();
  await secretsManager.close();
});
beforeEach(() => {
  server.reset();
  secretsManager.requests.length = 0;
  secretValues[KEY_ARN] = API_KEY;
});

describe('AnthropicLlm and the Messages API', () => {
  it('reads the key from Secrets Manager once and sends it as a Bearer token with anthropic-version', async () => {
    const model = llm();
    await model.complete(sayHi);
    await model.complete(sayHi);
    expect(secretsManager.requests).toEqual([KEY_ARN]);
    expect(server.requests).toHaveLength(2);
    // @anthropic-ai/sdk 1.x sends API version 2026-10-21 and the key as a Bearer token.
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(server.requests[0]?.headers['anthropic-version']).toBe('2026-10-21');
  });

  it('forces the single schema tool, parses its input and prices the usage (no temperature: 2026-10-21 refuses it)', async () => {
    server.enqueue({
      kind: 'tool_use',
      input: DRAFT,
      preamble: 'Here is the draft.',
      usage: { input_tokens: 1200, output_tokens: 300 },
    });
    const response = await llm().complete(draftRequest);
    expect(server.requests[0]?.body).toEqual({
      model: MODEL,
      max_tokens: 500,
      system: 'You write social posts.',
      messages: [{ role: 'user', content: 'Announce our spring sale.' }],
      tools: [
        { name: 'post_draft', description: 'A post draft', input_schema: draftRequest.jsonSchema?.schema },
      ],
      tool_choice: { type: 'tool', name: 'post_draft' },
    });
    expect(draftSchema.parse(response.json)).toEqual(DRAFT);
    expect(response).toEqual({
      text: JSON.stringify(DRAFT),
      json: DRAFT,
      model: MODEL,
      provider: 'anthropic',
      usage: { inputTokens: 1200, outputTokens: 300 },
      // Sonnet 4.6: $3 in, $15 out per million tokens.
      costUsd: 0.0081,
    });
  });

  it('sends a plain request without tools and returns the text', async () => {
    server.enqueue({ kind: 'text', text: 'Hi there', usage: { input_tokens: 10, output_tokens: 4 } });
    const response = await llm().complete(sayHi);
    expect(server.requests[0]?.body).toEqual({
      model: MODEL,
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Say hi' }],
    });
    expect(response).toMatchObject({ text: 'Hi there', usage: { inputTokens: 10, outputTokens: 4 } });
    expect(response.json).toBeUndefined();
    expect(response.costUsd).toBe(0.00009);
  });

  it('counts cached input and prices cache reads and 5-minute and 1-hour writes apart', async () => {
    server.enqueue({
      kind: 'text',
      text: 'ok',
      usage: {
        input_tokens: 100,
        cache_read_input_tokens: 1000,
        cache_creation_input_tokens: 400,
        cache_creation: { ephemeral_5m_input_tokens: 300, ephemeral_1h_input_tokens: 100 },
        output_tokens: 50,
      },
    });
    const response = await llm().complete(sayHi);
    expect(response.usage).toEqual({
      inputTokens: 1500,
      outputTokens: 50,
      cacheReadInputTokens: 1000,
      cacheWriteInputTokens: 400,
    });
    // 100 × $3 + 300 × $3.75 + 100 × $6 + 1000 × $0.30 + 50 × $15, per million tokens.
    expect(response.costUsd).toBe(0.003075);
  });

  it("sends an agent's own model by its API alias and prices the answer at that model's price", async () => {
    server.enqueue({ kind: 'text', text: 'ok', usage: { input_tokens: 1000, output_tokens: 100 } });
    const response = await llm().complete({ ...sayHi, model: 'claude-opus-4-6' });
    expect(server.requests[0]?.body.model).toBe('claude-opus-4-6');
    expect(response.model).toBe('claude-opus-4-6');
    // Opus 4.6: $5 in, $25 out per million tokens (Sonnet 4.6, the default, would be $0.0045).
    expect(response.costUsd).toBe(0.0075);
  });

  it('leaves the cost out for a model the price table does not know', async () => {
    server.enqueue({ kind: 'text', text: 'ok', model: 'claude-haiku-5-5' });
    const response = await llm().complete(sayHi);
    expect(response.model).toBe('claude-haiku-5-5');
    expect(response.costUsd).toBeUndefined();
  });

  it('fails a structured answer cut at max_tokens as max_tokens, not as partial JSON', async () => {
    server.enqueue({ kind: 'tool_use', input: { caption: 'Spr' }, stopReason: 'max_tokens' });
    const error = await failure(llm().complete(draftRequest));
    expect(error).toMatchObject({ kind: 'max_tokens', retryable: false, provider: 'anthropic' });
    expect(server.requests).toHaveLength(1);
  });

  it('fails a structured request answered in prose as no_structured_output', async () => {
    server.enqueue({ kind: 'text', text: 'I would rather chat.' });
    const error = await failure(llm().complete(draftRequest));
    expect(error).toMatchObject({ kind: 'no_structured_output', retryable: false });
    expect(error.message).toContain('post_draft');
  });
});

describe('AnthropicLlm errors and retries (attempts counted at the server)', () => {
  it.each([
    {
      name: '400 invalid_request_error',
      answer: messagesErrors.invalidRequest(),
      kind: 'invalid_request',
      status: 400,
      attempts: 1,
    },
    {
      name: '401 authentication_error',
      answer: messagesErrors.authentication(),
      kind: 'auth',
      status: 401,
      attempts: 1,
    },
    {
      name: '403 permission_error',
      answer: messagesErrors.permission(),
      kind: 'auth',
      status: 403,
      attempts: 1,
    },
    {
      name: '429 for a monthly spend cap',
      answer: messagesErrors.spendCap(),
      kind: 'rate_limited',
      status: 429,
      attempts: 1,
    },
    {
      name: '429 rate_limit_error each time',
      answer: messagesErrors.rateLimited(),
      kind: 'rate_limited',
      status: 429,
      attempts: 3,
    },
    {
      name: '529 overloaded_error each time',
      answer: messagesErrors.overloaded(),
      kind: 'overloaded',
      status: 529,
      attempts: 3,
    },
    {
      name: '500 api_error each time',
      answer: messagesErrors.apiError(),
      kind: 'unavailable',
      status: 500,
      attempts: 3,
    },
  ])('$name: $kind after $attempts attempt(s)', async ({ answer, kind, status, attempts }) => {
    server.enqueue(answer, answer, answer, answer);
    const error = await failure(llm().complete(sayHi));
    expect(error).toMatchObject({ kind, status, attempts, provider: 'anthropic' });
    expect(error.retryable).toBe(attempts > 1);
    expect(server.requests).toHaveLength(attempts);
  });

  it('backs off exponentially between retries and succeeds on the third attempt', async () => {
    server.enqueue(messagesErrors.overloaded(), messagesErrors.overloaded());
    const response = await llm({ baseDelayMs: 200, maxDelayMs: 2_000 }).complete(sayHi);
    expect(response.text).toContain('stand-in');
    const [first, second, third] = server.requests.map((r) => r.receivedAt);
    // 200 ms then 400 ms, each less up to 25% of jitter, plus the request itself.
    expect(second! - first!).toBeGreaterThanOrEqual(150);
    expect(second! - first!).toBeLessThan(400);
    expect(third! - second!).toBeGreaterThanOrEqual(300);
    expect(third! - second!).toBeLessThan(700);
  });

  it('waits what retry-after says (1 s), not its own shorter backoff', async () => {
    server.enqueue(messagesErrors.rateLimited(1));
    const response = await llm({ baseDelayMs: 20 }).complete(sayHi);
    expect(response.text).toContain('stand-in');
    expect(server.requests).toHaveLength(2);
    const gap = server.requests[1]!.receivedAt - server.requests[0]!.receivedAt;
    expect(gap).toBeGreaterThanOrEqual(1_000);
    expect(gap).toBeLessThan(1_500);
  });

  it('gives up at once when retry-after reaches past the deadline, passing the wait on', async () => {
    server.enqueue(messagesErrors.rateLimited(30));
    const started = performance.now();
    const error = await failure(llm({ timeoutMs: 2_000 }).complete(sayHi));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toMatchObject({
      kind: 'rate_limited',
      retryable: true,
      retryAfterSeconds: 30,
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('AnthropicLlm deadline (LLM_TIMEOUT_MS)', () => {
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

  it('counts retries and their waits in the same budget', async () => {
    server.enqueue(messagesErrors.overloaded(), { kind: 'text', text: 'late', delayMs: 3_000 });
    const started = performance.now();
    const error = await failure(llm({ timeoutMs: 600, baseDelayMs: 100 }).complete(sayHi));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: 'timeout', attempts: 2 });
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(elapsed).toBeLessThan(1_300);
    expect(server.requests).toHaveLength(2);
  });
});

describe('AnthropicLlm and its key', () => {
  it('reports an unreadable key as auth, and reads it again on the next call', async () => {
    delete secretValues[KEY_ARN];
    const model = llm();
    const error = await failure(model.complete(sayHi));
    expect(error).toMatchObject({ kind: 'auth', retryable: false });
    expect(server.requests).toHaveLength(0);
    secretValues[KEY_ARN] = API_KEY;
    await expect(model.complete(sayHi)).resolves.toMatchObject({ provider: 'anthropic' });
    expect(secretsManager.requests).toEqual([KEY_ARN, KEY_ARN]);
  });

  it('after a 401 reads the key again, so a rotated key is picked up without a restart', async () => {
    secretValues[KEY_ARN] = 'sk-ant-revoked';
    // No cache in SecretsManagerSecrets: the adapter's own client cache is what is tested.
    const model = llm({}, secretsClient(0));
    expect(await failure(model.complete(sayHi))).toMatchObject({ kind: 'auth', status: 401, attempts: 1 });
    secretValues[KEY_ARN] = API_KEY;
    await expect(model.complete(sayHi)).resolves.toMatchObject({ provider: 'anthropic' });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer sk-ant-revoked',
      `Bearer ${API_KEY}`,
    ]);
  });
});
