import { InvokeModelCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { LlmError, type Embedder } from '../../core/ports';
import { bedrockLlmError } from './bedrock-llm-error';
import { callWithinLimits, llmCallLimits, type LlmCallLimits } from './llm-call-policy';

export const TITAN_EMBED_V2 = 'amazon.titan-embed-text-v2:0';
export type TitanDimensions = 256 | 512 | 1024;

/**
 * Titan V2 takes at most 8,192 tokens or 50,000 characters (Bedrock user guide, "Amazon Titan
 * Text Embeddings"); a post is far shorter, and the start of a long text says what it is about.
 */
const MAX_CHARACTERS = 20_000;
/** Requests in flight at once: Titan embeds one text per InvokeModel call. */
const CONCURRENCY = 4;

interface TitanResponse {
  embedding?: unknown;
  inputTextTokenCount?: number;
}

/**
 * Amazon Titan Text Embeddings V2 through InvokeModel: body `{inputText, dimensions,
 * normalize: true}`, answer `{embedding, inputTextTokenCount}` (Bedrock user guide, "Amazon
 * Titan Embeddings G1 - Text", V2 request and response). IAM only, like Claude on Bedrock. The
 * client is made by `createBedrockRuntimeClient` (its own retries off); throttling and 5xx are
 * retried within LLM_TIMEOUT_MS by llm-call-policy.ts, and failures are `LlmError`s.
 */
export class BedrockEmbedder implements Embedder {
  readonly provider = 'bedrock' as const;
  private readonly limits: LlmCallLimits;

  constructor(
    private readonly client: BedrockRuntimeClient,
    readonly model: string = TITAN_EMBED_V2,
    readonly dimensions: TitanDimensions = 512,
    limits: Partial<LlmCallLimits> = {},
  ) {
    this.limits = llmCallLimits(limits);
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    const vectors: number[][] = new Array<number[]>(texts.length);
    let next = 0;
    const worker = async () => {
      while (next < texts.length) {
        const index = next++;
        vectors[index] = await this.embedOne(texts[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, texts.length) }, worker));
    return vectors;
  }

  private async embedOne(text: string): Promise<number[]> {
    const inputText = text.trim().slice(0, MAX_CHARACTERS);
    // Titan refuses an empty inputText; a text with nothing in it is like nothing else.
    if (!inputText) return new Array<number>(this.dimensions).fill(0);
    const command = new InvokeModelCommand({
      modelId: this.model,
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify({ inputText, dimensions: this.dimensions, normalize: true }),
    });
    const { value } = await callWithinLimits(
      'bedrock',
      this.limits,
      (abortSignal) => this.client.send(command, { abortSignal }),
      bedrockLlmError,
    );
    const answer = JSON.parse(new TextDecoder().decode(value.body)) as TitanResponse;
    const embedding = answer.embedding;
    if (
      !Array.isArray(embedding) ||
      embedding.length !== this.dimensions ||
      !embedding.every((x) => typeof x === 'number' && Number.isFinite(x))
    ) {
      throw new LlmError({
        kind: 'invalid_request',
        provider: 'bedrock',
        message: `${this.model} answered without a ${this.dimensions}-number embedding`,
      });
    }
    return embedding as number[];
  }
}
