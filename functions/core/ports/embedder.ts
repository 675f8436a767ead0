/**
 * Turns texts into vectors whose cosine similarity says how alike the texts are: Amazon Titan
 * Text Embeddings on Bedrock in AWS, a local hashing embedder offline. `model` and
 * `dimensions` name the vector space: vectors from another model or size are not comparable,
 * so stored vectors record them and are made again when they change.
 */
export interface Embedder {
  /** `bedrock` or `local` (said in results, so nobody takes lexical matches for semantic ones). */
  readonly provider: 'bedrock' | 'local';
  readonly model: string;
  readonly dimensions: number;
  /** One unit-length vector of `dimensions` numbers per text, in order. Rejects with an LlmError on Bedrock. */
  embed(texts: readonly string[]): Promise<number[][]>;
}
