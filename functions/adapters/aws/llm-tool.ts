import type { LlmRequest, LlmResponse } from '../../core/ports';

/** Tool names must match ^[a-zA-Z0-9_-]{1,64}$ on both the Anthropic API and Bedrock. */
export function toolName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
  return cleaned || 'structured_output';
}

export function toolDescription(request: LlmRequest): string {
  return request.jsonSchema?.description ?? `Return the result as ${request.jsonSchema?.name ?? 'JSON'}.`;
}

/** The response for a forced tool call: `json` is the tool input, `text` its serialisation. */
export function structuredResponse(input: unknown, base: Omit<LlmResponse, 'text' | 'json'>): LlmResponse {
  return { ...base, text: JSON.stringify(input), json: input };
}
