import { describe, expect, it } from 'vitest';
import { DEFAULT_ANTHROPIC_MODEL, DEFAULT_BEDROCK_MODEL } from '../../../functions/config/env';
import { llmCostUsd, priceKey, pricesFor } from '../../../functions/core/agents/llm-prices';

const MILLION = {
  uncachedInput: 1_000_000,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  cacheRead: 0,
  output: 1_000_000,
};

describe('Claude list prices', () => {
  it('prices the default models of both providers', () => {
    expect(llmCostUsd('anthropic', DEFAULT_ANTHROPIC_MODEL, MILLION)).toBe(18);
    expect(llmCostUsd('bedrock', DEFAULT_BEDROCK_MODEL, MILLION)).toBe(18);
  });

  it('reads Anthropic ids with or without a date, and Bedrock ids with profile and version', () => {
    expect(priceKey('anthropic', 'claude-sonnet-4-5-20250929')).toEqual({
      key: 'claude-sonnet-4-5',
      regional: false,
    });
    expect(priceKey('anthropic', 'claude-3-5-haiku-latest').key).toBe('claude-3-5-haiku');
    expect(priceKey('bedrock', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0')).toEqual({
      key: 'claude-sonnet-4-5',
      regional: true,
    });
    expect(priceKey('bedrock', 'global.anthropic.claude-haiku-4-5-20251001-v1:0')).toEqual({
      key: 'claude-haiku-4-5',
      regional: false,
    });
    expect(priceKey('bedrock', 'anthropic.claude-3-haiku-20240307-v1:0')).toEqual({
      key: 'claude-3-haiku',
      regional: true,
    });
  });

  it('adds Bedrock’s 10% regional premium only from the 4.5 models on', () => {
    expect(llmCostUsd('bedrock', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0', MILLION)).toBe(19.8);
    expect(llmCostUsd('bedrock', 'us.anthropic.claude-sonnet-4-20250514-v1:0', MILLION)).toBe(18);
    expect(llmCostUsd('bedrock', 'us.anthropic.claude-opus-4-1-20250805-v1:0', MILLION)).toBe(90);
  });

  it('prices cache writes by lifetime and cache reads at the documented multipliers', () => {
    const sonnet = pricesFor('anthropic', 'claude-sonnet-4-6');
    expect(sonnet).toMatchObject({
      input: 3,
      cacheWrite5m: 3.75,
      cacheWrite1h: 6,
      cacheRead: 0.3,
      output: 15,
    });
    expect(pricesFor('anthropic', 'claude-haiku-4-5')).toMatchObject({ cacheWrite5m: 1.25, cacheWrite1h: 2 });
    expect(
      llmCostUsd('anthropic', 'claude-opus-4-6', {
        uncachedInput: 0,
        cacheWrite5m: 1_000_000,
        cacheWrite1h: 1_000_000,
        cacheRead: 1_000_000,
        output: 0,
      }),
    ).toBe(6.25 + 10 + 0.5);
  });

  it('costs nothing offline and is unknown for a model without a price', () => {
    expect(llmCostUsd('offline', 'plume-offline-1', MILLION)).toBe(0);
    expect(llmCostUsd('anthropic', 'claude-haiku-5-5', MILLION)).toBeUndefined();
    expect(llmCostUsd('bedrock', 'global.anthropic.claude-fable-5-1', MILLION)).toBeUndefined();
  });
});
