import type { ClaudeModel } from '../../shared/agents/claude-models';
import type { LlmProviderName } from './llm-error';

export interface LlmMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface LlmRequest {
  system?: string;
  messages: LlmMessage[];
  maxTokens: number;
  /**
   * A hint. Claude on Bedrock (Converse) applies it; the Anthropic API leaves it out, because
   * its API version 2026-10-21 refuses the field.
   */
  temperature?: number;
  /**
   * The Claude model to ask (an agent's own setting); the installation's LLM_MODEL or
   * BEDROCK_MODEL_ID when left out. Each provider maps it to its own id.
   */
  model?: ClaudeModel;
  /** When set, the provider must answer with JSON matching this JSON Schema (tool use). */
  jsonSchema?: { name: string; description?: string; schema: Record<string, unknown> };
}

export interface LlmResponse {
  /** Free text, or the JSON document serialised when `jsonSchema` was requested. */
  text: string;
  /** Parsed structured output when `jsonSchema` was requested (validate with zod before use). */
  json?: unknown;
  model: string;
  provider: LlmProviderName;
  usage: LlmUsage;
  /**
   * What the call cost in USD at list price (core/agents/llm-prices.ts); 0 offline. Absent
   * when the model has no price in the table.
   */
  costUsd?: number;
}

export interface LlmUsage {
  /** Every input token, cached ones included. */
  inputTokens: number;
  outputTokens: number;
  /** Of `inputTokens`: read from the prompt cache (billed at a fraction of the input price). */
  cacheReadInputTokens?: number;
  /** Of `inputTokens`: written to the prompt cache (billed above the input price). */
  cacheWriteInputTokens?: number;
}

/**
 * Language model (Anthropic API, Claude on Bedrock, or an offline provider). `complete`
 * rejects with an `LlmError` (llm-error.ts) saying why, after the provider's retries.
 */
export interface Llm {
  readonly provider: LlmResponse['provider'];
  complete(request: LlmRequest): Promise<LlmResponse>;
}
