import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmCallLimits } from '../../functions/adapters/aws/llm-call-policy';
import { createLocalAdapters } from '../../functions/adapters/local';
import { loadEnv } from '../../functions/config/env';
import {
  AGENT_LAMBDA_TIMEOUT_MS,
  DEFAULT_LLM_TIMEOUT_MS,
  effectiveLlmTimeoutMs,
  LLM_TIMEOUT_CEILING_MS,
} from '../../functions/config/llm-timeout';
import { AGENT_QUEUES } from '../../functions/core/ports';
import { QUEUE_SETTINGS } from '../../lib/queue-settings';
import {
  startAnthropicMessagesServer,
  type AnthropicMessagesServer,
} from './support/anthropic-messages-server';

/** LLM_TIMEOUT_MS: below the agent Lambda's timeout, refused above it, and wired to the provider. */
describe('LLM_TIMEOUT_MS and the agent Lambda timeout', () => {
  it('is computed from the timeout the agent workers are deployed with', () => {
    for (const queue of AGENT_QUEUES) {
      expect(QUEUE_SETTINGS[queue].consumerTimeout.toMilliseconds()).toBe(AGENT_LAMBDA_TIMEOUT_MS);
    }
    expect(LLM_TIMEOUT_CEILING_MS).toBe(270_000);
    expect(DEFAULT_LLM_TIMEOUT_MS).toBeLessThan(LLM_TIMEOUT_CEILING_MS);
  });

  it('is refused at start above the ceiling, and clamped in code for any other caller', () => {
    expect(loadEnv({}).LLM_TIMEOUT_MS).toBe(DEFAULT_LLM_TIMEOUT_MS);
    expect(loadEnv({ LLM_TIMEOUT_MS: '90000' }).LLM_TIMEOUT_MS).toBe(90_000);
    expect(() => loadEnv({ LLM_TIMEOUT_MS: '600000' })).toThrow(/LLM_TIMEOUT_MS/);
    expect(effectiveLlmTimeoutMs(10 * 60_000)).toBe(LLM_TIMEOUT_CEILING_MS);
    expect(llmCallLimits({ timeoutMs: Number.POSITIVE_INFINITY }).timeoutMs).toBe(DEFAULT_LLM_TIMEOUT_MS);
    expect(llmCallLimits({ timeoutMs: 3_600_000 }).timeoutMs).toBe(LLM_TIMEOUT_CEILING_MS);
  });
});

describe('LLM_TIMEOUT_MS reaches the provider the local runtime builds', () => {
  let server: AnthropicMessagesServer;
  let dataDir: string;
  const baseUrlBefore = process.env.ANTHROPIC_BASE_URL;

  beforeAll(async () => {
    server = await startAnthropicMessagesServer({ apiKey: 'sk-ant-from-env', delayMs: 3_000 });
    dataDir = await mkdtemp(join(tmpdir(), 'plume-llm-timeout-'));
    // The Anthropic SDK's own default for its base URL: the runtime passes none.
    process.env.ANTHROPIC_BASE_URL = server.url;
  });
  afterAll(async () => {
    if (baseUrlBefore === undefined) delete process.env.ANTHROPIC_BASE_URL;
    else process.env.ANTHROPIC_BASE_URL = baseUrlBefore;
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives up a 3 s answer after LLM_TIMEOUT_MS=1000', async () => {
    const env = loadEnv({ ANTHROPIC_API_KEY: 'sk-ant-from-env', LLM_TIMEOUT_MS: '1000' });
    const { llm } = await createLocalAdapters(env, { dataDir });
    expect(llm.provider).toBe('anthropic');
    const started = performance.now();
    await expect(
      llm.complete({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 10 }),
    ).rejects.toMatchObject({
      kind: 'timeout',
      attempts: 1,
    });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    expect(elapsed).toBeLessThan(2_000);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-ant-from-env');
  });
});
