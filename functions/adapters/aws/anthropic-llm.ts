import Anthropic, { type ClientOptions } from '@anthropic-ai/sdk';
import { llmCostUsd } from '../../core/agents/llm-prices';
import { CLAUDE_MODELS } from '../../shared/agents/claude-models';
import { LlmError, type Llm, type LlmRequest, type LlmResponse, type Secrets } from '../../core/ports';
import { anthropicLlmError } from './anthropic-llm-error';
import { callWithinLimits, llmCallLimits, type LlmCallLimits } from './llm-call-policy';
import { structuredResponse, toolDescription, toolName } from './llm-tool';

export interface AnthropicLlmOptions {
  /** LLM_TIMEOUT_MS and the retry settings (llm-call-policy.ts); defaults otherwise. */
  limits?: Partial<LlmCallLimits>;
  /** Extra client options (tests pass `baseURL`); retries and timeouts belong to `limits`. */
  client?: Omit<ClientOptions, 'apiKey' | 'maxRetries' | 'timeout'>;
}

/**
 * Claude through the Anthropic API. The key comes from Secrets (`anthropic-api-key`), read
 * on first use so a cold start that never calls the model never fetches it. Structured
 * output is one tool whose input schema is the requested JSON Schema, and the model is
 * forced to call it. Every failure is an `LlmError`.
 */
export class AnthropicLlm implements Llm {
  readonly provider = 'anthropic' as const;
  private client: Promise<Anthropic> | undefined;
  private readonly limits: LlmCallLimits;

  constructor(
    private readonly secrets: Secrets,
    private readonly model: string,
    private readonly options: AnthropicLlmOptions = {},
  ) {
    this.limits = llmCallLimits(options.limits);
  }

  async complete(request: LlmRequest): Promise<LlmResponse> {
    const client = await this.getClient();
    const schema = request.jsonSchema;
    const name = schema ? toolName(schema.name) : undefined;
    const body: Anthropic.MessageCreateParamsNonStreaming = {
      // An agent's own model by its Anthropic API alias; else the installation's LLM_MODEL.
      model: request.model ? CLAUDE_MODELS[request.model].anthropic : this.model,
      max_tokens: request.maxTokens,
      messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
      ...(request.system ? { system: request.system } : {}),
      // No temperature: API version 2026-10-21, which this SDK sends, removed it, and a request
      // carrying it (at any value) is refused with 400.
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
    };
    const { value: message } = await callWithinLimits(
      this.provider,
      this.limits,
      // The SDK's own timeout is per attempt and arms only until the headers; the signal
      // covers the body too and is what ends an attempt at the call's deadline.
      (signal) => client.messages.create(body, { signal, maxRetries: 0 }),
      (error) => this.failed(error),
    );
    const usage = message.usage;
    const cacheRead = usage.cache_read_input_tokens ?? 0;
    const cacheWrite = usage.cache_creation_input_tokens ?? 0;
    // The 5-minute / 1-hour split is reported when the request asked for both lifetimes.
    const cacheWrite1h = usage.cache_creation?.ephemeral_1h_input_tokens ?? 0;
    const base = {
      model: message.model,
      provider: this.provider,
      usage: {
        inputTokens: usage.input_tokens + cacheWrite + cacheRead,
        outputTokens: usage.output_tokens,
        ...(cacheRead ? { cacheReadInputTokens: cacheRead } : {}),
        ...(cacheWrite ? { cacheWriteInputTokens: cacheWrite } : {}),
      },
      costUsd: llmCostUsd(this.provider, message.model, {
        uncachedInput: usage.input_tokens,
        cacheWrite5m: cacheWrite - cacheWrite1h,
        cacheWrite1h,
        cacheRead,
        output: usage.output_tokens,
      }),
    };
    if (schema) {
      // Cut at max_tokens, the tool input would be incomplete JSON (or JSON missing fields).
      if (message.stop_reason === 'max_tokens') {
        throw new LlmError({
          kind: 'max_tokens',
          provider: this.provider,
          message: `Claude stopped at max_tokens (${request.maxTokens}) before finishing ${schema.name}`,
        });
      }
      const call = message.content.find((block) => block.type === 'tool_use' && block.name === name);
      if (!call || call.type !== 'tool_use') {
        throw new LlmError({
          kind: 'no_structured_output',
          provider: this.provider,
          message: `Claude did not return the requested ${schema.name} (stop reason: ${message.stop_reason})`,
        });
      }
      return structuredResponse(call.input, base);
    }
    const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    return { ...base, text };
  }

  private failed(error: unknown): LlmError {
    const failure = anthropicLlmError(error);
    // A rejected key may have been rotated in Secrets Manager: read it again next call.
    if (failure.kind === 'auth') this.client = undefined;
    return failure;
  }

  private getClient(): Promise<Anthropic> {
    this.client ??= this.secrets.get('anthropic-api-key').then(
      // A timeout given here also stops the SDK refusing large max_tokens without streaming;
      // the call's own deadline (the signal above) is never later than it.
      (apiKey) =>
        new Anthropic({ ...this.options.client, apiKey, maxRetries: 0, timeout: this.limits.timeoutMs }),
      (error: unknown) => {
        throw new LlmError({
          kind: 'auth',
          provider: this.provider,
          message: `The Anthropic API key could not be read: ${(error as Error)?.message ?? String(error)}`,
          cause: error,
        });
      },
    );
    // Do not keep a failed key lookup: the next call tries again.
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }
}
