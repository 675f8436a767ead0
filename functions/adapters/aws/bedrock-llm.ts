import {
  ConverseCommand,
  type BedrockRuntimeClient,
  type ConverseCommandInput,
  type ToolInputSchema,
} from '@aws-sdk/client-bedrock-runtime';
import type { Llm, LlmRequest, LlmResponse } from '../../core/ports';
import { structuredResponse, toolDescription, toolName } from './llm-tool';

/**
 * Claude on Amazon Bedrock through the Converse API: IAM only, nothing to paste. Structured
 * output is a single tool (toolSpec with the JSON Schema) that the model is forced to use.
 */
export class BedrockLlm implements Llm {
  readonly provider = 'bedrock' as const;

  constructor(
    private readonly client: BedrockRuntimeClient,
    private readonly modelId: string,
  ) {}

  async complete(request: LlmRequest): Promise<LlmResponse> {
    const schema = request.jsonSchema;
    const name = schema ? toolName(schema.name) : undefined;
    const input: ConverseCommandInput = {
      modelId: this.modelId,
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
    const result = await this.client.send(new ConverseCommand(input));
    const content = result.output?.message?.content ?? [];
    const base = {
      model: this.modelId,
      provider: this.provider,
      usage: { inputTokens: result.usage?.inputTokens ?? 0, outputTokens: result.usage?.outputTokens ?? 0 },
    };
    if (schema) {
      const call = content.find((block) => block.toolUse?.name === name)?.toolUse;
      if (!call)
        throw new Error(
          `Claude on Bedrock did not return the requested ${schema.name} (${result.stopReason})`,
        );
      return structuredResponse(call.input, base);
    }
    return { ...base, text: content.map((block) => block.text ?? '').join('') };
  }
}
