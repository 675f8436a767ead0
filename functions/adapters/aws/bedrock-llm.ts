import {
  BedrockRuntimeClient,
  ConverseCommand,
  type BedrockRuntimeClientConfig,
  type ConverseCommandInput,
  type ToolInputSchema,
} from '@aws-sdk/client-bedrock-runtime';
import { llmCostUsd } from '../../core/agents/llm-prices';
import { CLAUDE_MODELS, type ClaudeModel } from '../../shared/agents/claude-models';
import { LlmError, type Llm, type LlmRequest, type LlmResponse } from '../../core/ports';
import { bedrockLlmError } from './bedrock-llm-error';
import { callWithinLimits, llmCallLimits, type LlmCallLimits } from './llm-call-policy';
import { structuredResponse, toolDescription, toolName } from './llm-tool';

/**
 * The client BedrockLlm expects: the SDK's own retries off (`maxAttempts: 1`), because
 * llm-call-policy.ts retries within the call's deadline; two layers would multiply attempts.
 */
export function createBedrockRuntimeClient(config: BedrockRuntimeClientConfig = {}): BedrockRuntimeClient {
  return new BedrockRuntimeClient({ ...config, maxAttempts: 1 });
}

const PROFILE_PREFIX = /^([a-z]{2,6})\.(?=anthropic\.)/;

/**
 * The Bedrock id of a Claude model through the same kind of cross-region inference profile as
 * `configuredModelId` (BEDROCK_MODEL_ID: `global.anthropic.claude-sonnet-4-6` makes
 * `claude-opus-4-6` `global.anthropic.claude-opus-4-6-v1`; an in-region id, no prefix, keeps
 * every model in the region). Undefined for a model Converse does not serve (claude-models.ts).
 */
export function bedrockModelIdFor(model: ClaudeModel, configuredModelId: string): string | undefined {
  const base = CLAUDE_MODELS[model].bedrock;
  if (!base) return undefined;
  const profile = PROFILE_PREFIX.exec(configuredModelId)?.[1];
  return profile ? `${profile}.${base}` : base;
}

/**
 * Claude on Amazon Bedrock through the Converse API: IAM only, nothing to paste. Structured
 * output is a single tool (toolSpec with the JSON Schema) that the model is forced to use.
 * Every failure is an `LlmError`.
 */
export class BedrockLlm implements Llm {
  readonly provider = 'bedrock' as const;
  private readonly limits: LlmCallLimits;

  constructor(
    /** Made by `createBedrockRuntimeClient`, so the SDK does not retry on its own. */
    private readonly client: BedrockRuntimeClient,
    private readonly modelId: string,
    limits: Partial<LlmCallLimits> = {},
  ) {
    this.limits = llmCallLimits(limits);
  }

  async complete(request: LlmRequest): Promise<LlmResponse> {
    const modelId = this.modelIdOf(request);
    const schema = request.jsonSchema;
    const name = schema ? toolName(schema.name) : undefined;
    const input: ConverseCommandInput = {
      modelId,
      messages: request.messages.map((m) => ({ role: m.role, content: [{ text: m.content }] })),
      inferenceConfig: {
        maxTokens: request.maxTokens,
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      },
      ...(request.system ? { system: [{ text: request.system }] } : {}),
      ...(schema && name
        ? {
            toolConfig: {
              tools: [
                {
                  toolSpec: {
                    name,
                    description: toolDescription(request),
                    inputSchema: { json: schema.schema as ToolInputSchema.JsonMember['json'] },
                  },
                },
              ],
              toolChoice: { tool: { name } },
            },
          }
        : {}),
    };
    const { value: result } = await callWithinLimits(
      this.provider,
      this.limits,
      (abortSignal) => this.client.send(new ConverseCommand(input), { abortSignal }),
      bedrockLlmError,
    );
    const content = result.output?.message?.content ?? [];
    // Converse reports cached tokens apart from inputTokens, as the Messages API does.
    const uncachedInput = result.usage?.inputTokens ?? 0;
    const cacheRead = result.usage?.cacheReadInputTokens ?? 0;
    const cacheWrite = result.usage?.cacheWriteInputTokens ?? 0;
    const cacheWrite1h =
      result.usage?.cacheDetails
        ?.filter((d) => d.ttl === '1h')
        .reduce((sum, d) => sum + (d.inputTokens ?? 0), 0) ?? 0;
    const outputTokens = result.usage?.outputTokens ?? 0;
    const base = {
      model: modelId,
      provider: this.provider,
      usage: {
        inputTokens: uncachedInput + cacheRead + cacheWrite,
        outputTokens,
        ...(cacheRead ? { cacheReadInputTokens: cacheRead } : {}),
        ...(cacheWrite ? { cacheWriteInputTokens: cacheWrite } : {}),
      },
      costUsd: llmCostUsd(this.provider, modelId, {
        uncachedInput,
        cacheWrite5m: cacheWrite - cacheWrite1h,
        cacheWrite1h,
        cacheRead,
        output: outputTokens,
      }),
    };
    if (schema) {
      if (result.stopReason === 'max_tokens') {
        throw new LlmError({
          kind: 'max_tokens',
          provider: this.provider,
          message: `Claude on Bedrock stopped at max_tokens (${request.maxTokens}) before finishing ${schema.name}`,
        });
      }
      const call = content.find((block) => block.toolUse?.name === name)?.toolUse;
      if (!call) {
        throw new LlmError({
          kind: 'no_structured_output',
          provider: this.provider,
          message: `Claude on Bedrock did not return the requested ${schema.name} (${result.stopReason})`,
        });
      }
      return structuredResponse(call.input, base);
    }
    return { ...base, text: content.map((block) => block.text ?? '').join('') };
  }

  /** The agent's model through the configured profile; refused, not swapped, when Converse lacks it. */
  private modelIdOf(request: LlmRequest): string {
    if (!request.model) return this.modelId;
    const modelId = bedrockModelIdFor(request.model, this.modelId);
    if (modelId) return modelId;
    throw new LlmError({
      kind: 'invalid_request',
      provider: this.provider,
      message: `${CLAUDE_MODELS[request.model].label} is not offered through Bedrock's Converse API; choose another model for this agent or use the Anthropic API.`,
    });
  }
}
