export interface LlmMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface LlmRequest {
  system?: string;
  messages: LlmMessage[];
  maxTokens: number;
  temperature?: number;
  /** When set, the provider must answer with JSON matching this JSON Schema (tool use). */
  jsonSchema?: { name: string; description?: string; schema: Record<string, unknown> };
}

export interface LlmResponse {
  /** Free text, or the JSON document serialised when `jsonSchema` was requested. */
  text: string;
  /** Parsed structured output when `jsonSchema` was requested (validate with zod before use). */
  json?: unknown;
  model: string;
  provider: 'anthropic' | 'bedrock' | 'offline';
  usage: { inputTokens: number; outputTokens: number };
}

/** Language model (Anthropic API, Claude on Bedrock, or an offline provider). */
export interface Llm {
  readonly provider: LlmResponse['provider'];
  complete(request: LlmRequest): Promise<LlmResponse>;
}
