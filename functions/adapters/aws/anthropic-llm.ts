import Anthropic, { type ClientOptions } from '@anthropic-ai/sdk';
import type { Llm, LlmRequest, LlmResponse, Secrets } from '../../core/ports';
import { structuredResponse, toolDescription, toolName } from './llm-tool';

/**
 * Claude through the Anthropic API. The key comes from Secrets (`anthropic-api-key`), read
 * on first use so a cold start that never calls the model never fetches it. Structured
 * output is one tool whose input schema is the requested JSON Schema, and the model is
 * forced to call it.
 */
export class AnthropicLlm implements Llm {
  readonly provider = 'anthropic' as const;
  private client: Promise<Anthropic> | undefined;

  constructor(
    private readonly secrets: Secrets,
    private readonly model: string,
    /** Extra client options (tests pass `fetch`; production keeps the SDK defaults). */
    private readonly clientOptions: Omit<ClientOptions, 'apiKey'> = {},
  ) {}

  async complete(request: LlmRequest): Promise<LlmResponse> {
    const client = await this.getClient();
    const schema = request.jsonSchema;
    const name = schema ? toolName(schema.name) : undefined;
    const message = await client.messages.create({
      model: this.model,
      max_tokens: request.maxTokens,
      messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
      ...(request.system ? { system: request.system } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(schema && name
        ? {
            tools: [
              {
                name,
                description: toolDescription(request),
                input_schema: schema.schema as Anthropic.Tool.InputSchema,
              },
            ],
            tool_choice: { type: 'tool' as const, name },
          }
        : {}),
    });
    const usage = {
      inputTokens:
        message.usage.input_tokens +
        (message.usage.cache_creation_input_tokens ?? 0) +
        (message.usage.cache_read_input_tokens ?? 0),
      outputTokens: message.usage.output_tokens,
    };
    const base = { model: message.model, provider: this.provider, usage };
    if (schema) {
      const call = message.content.find((block) => block.type === 'tool_use' && block.name === name);
      if (!call || call.type !== 'tool_use') {
        throw new Error(
          `Claude did not return the requested ${schema.name} (stop reason: ${message.stop_reason})`,
        );
      }
      return structuredResponse(call.input, base);
    }
    const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    return { ...base, text };
  }

  private getClient(): Promise<Anthropic> {
    this.client ??= this.secrets
      .get('anthropic-api-key')
      .then((apiKey) => new Anthropic({ maxRetries: 2, timeout: 120_000, ...this.clientOptions, apiKey }));
    // Do not keep a failed key lookup: the next call tries again.
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }
}
