import type { Clock, Llm, LlmRequest, LlmResponse } from '../../core/ports';
import { sampleFromSchema } from './json-schema-sample';

export const OFFLINE_MODEL = 'plume-offline-1';

/** A rough token count (about four characters per token for English text). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The LLM used when no AI provider is configured: no network, deterministic, and honest
 * about it. Free text says it is an offline placeholder; structured requests get JSON that
 * satisfies the requested schema, so every agent's pipeline runs end to end offline.
 */
export class OfflineLlm implements Llm {
  readonly provider = 'offline' as const;

  constructor(private readonly clock: Clock) {}

  async complete(request: LlmRequest): Promise<LlmResponse> {
    const prompt = [request.system ?? '', ...request.messages.map((m) => m.content)].join('\n');
    const schemaText = request.jsonSchema ? JSON.stringify(request.jsonSchema.schema) : '';
    const inputTokens = estimateTokens(prompt + schemaText);
    // Nothing is billed: no model runs.
    // The model asked for (an agent's setting) is reported as such; provider `offline` says no model ran.
    const base = { model: request.model ?? OFFLINE_MODEL, provider: this.provider, costUsd: 0 };
    if (request.jsonSchema) {
      const json = sampleFromSchema(request.jsonSchema.schema, this.clock.now());
      const text = JSON.stringify(json);
      return { ...base, text, json, usage: { inputTokens, outputTokens: estimateTokens(text) } };
    }
    const lastUser = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const excerpt = lastUser.length > 200 ? `${lastUser.slice(0, 200)}…` : lastUser;
    const text =
      '[offline] Plume is running without an AI provider, so this is a fixed placeholder, not a model answer. ' +
      'Set ANTHROPIC_API_KEY (or LLM_PROVIDER=bedrock in AWS) for real output.' +
      (excerpt ? `\n\nYour request was: "${excerpt}"` : '');
    // Respect the caller's budget as a real model would (at ~4 characters per token).
    const clipped = text.slice(0, Math.max(request.maxTokens * 4, 0));
    return { ...base, text: clipped, usage: { inputTokens, outputTokens: estimateTokens(clipped) } };
  }
}
