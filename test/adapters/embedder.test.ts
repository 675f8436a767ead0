import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BedrockEmbedder } from '../../functions/adapters/aws/bedrock-embedder';
import { createBedrockRuntimeClient } from '../../functions/adapters/aws/bedrock-llm';
import { HashingEmbedder } from '../../functions/adapters/local/hashing-embedder';
import { LlmError } from '../../functions/core/ports';
import { cosine } from '../../functions/core/agents/memory/cosine';
import {
  standInVector,
  startBedrockInvokeServer,
  type BedrockInvokeServer,
} from './support/bedrock-invoke-server';

/**
 * The two embedders: Titan Text Embeddings V2 through the real BedrockRuntimeClient (SigV4,
 * InvokeModel) against a local server speaking it, and the offline hashing embedder.
 */

let server: BedrockInvokeServer;
const FAST = { timeoutMs: 5_000, baseDelayMs: 10, maxDelayMs: 50 };

function titan(dimensions: 256 | 512 | 1024 = 512): BedrockEmbedder {
  const client = createBedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: 'stand-in-secret' },
  });
  return new BedrockEmbedder(client, undefined, dimensions, FAST);
}

beforeAll(async () => {
  server = await startBedrockInvokeServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('BedrockEmbedder and InvokeModel (Titan Text Embeddings V2)', () => {
  it('sends one signed InvokeModel per text with {inputText, dimensions, normalize} and keeps the order', async () => {
    const texts = [
      'Sourdough class on Saturday',
      'Our new rye loaf',
      'Bakery open late on Friday',
      'Croissants',
    ];
    const vectors = await titan(256).embed(texts);
    expect(server.requests).toHaveLength(4);
    for (const request of server.requests) {
      expect(request.modelId).toBe('amazon.titan-embed-text-v2:0');
      expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIASTANDIN000000000\//);
      expect(request.headers['content-type']).toBe('application/json');
    }
    expect(
      server.requests
        .map((r) => r.body)
        .sort((a, b) => String(a.inputText).localeCompare(String(b.inputText))),
    ).toEqual([...texts].sort().map((inputText) => ({ inputText, dimensions: 256, normalize: true })));
    expect(vectors).toEqual(texts.map((text) => standInVector(text, 256)));
  });

  it('names its vector space: model and dimensions', () => {
    expect(titan(1024)).toMatchObject({
      provider: 'bedrock',
      model: 'amazon.titan-embed-text-v2:0',
      dimensions: 1024,
    });
  });

  it('sends nothing for an empty text (Titan refuses one) and gives it a zero vector', async () => {
    const [vector] = await titan().embed(['   ']);
    expect(server.requests).toHaveLength(0);
    expect(vector).toEqual(new Array(512).fill(0));
  });

  it('retries throttling and fails a validation error as invalid_request, once', async () => {
    server.enqueue({ kind: 'error', status: 429, code: 'ThrottlingException', message: 'Too many requests' });
    const [vector] = await titan().embed(['retry me']);
    expect(vector).toEqual(standInVector('retry me', 512));
    expect(server.requests).toHaveLength(2);

    server.reset();
    server.enqueue({ kind: 'error', status: 400, code: 'ValidationException', message: 'bad input' });
    const error = await titan()
      .embed(['refused'])
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).kind).toBe('invalid_request');
    expect(server.requests).toHaveLength(1);
  });

  it('fails an answer without an embedding of the asked size instead of storing it', async () => {
    server.enqueue({ kind: 'malformed', body: { embedding: [0.1, 0.2], inputTextTokenCount: 2 } });
    const error = await titan()
      .embed(['short'])
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toContain('512-number embedding');
  });
});

describe('HashingEmbedder (offline, lexical)', () => {
  const local = new HashingEmbedder();

  it('is deterministic, unit length, and 1024 numbers by default', async () => {
    const [a, b] = await local.embed(['Sourdough class on Saturday', 'Sourdough class on Saturday']);
    expect(a).toEqual(b);
    expect(a).toHaveLength(1024);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 10);
    expect(local).toMatchObject({ provider: 'local', model: 'plume-hashing-v1', dimensions: 1024 });
  });

  it('places texts sharing words, word pairs and word forms nearer than unrelated ones', async () => {
    const [query, same, forms, other] = await local.embed([
      'sourdough baking class',
      'Join our sourdough baking class this weekend! #sourdough',
      'Sourdough bakers: classes are back',
      'Quarterly tax filing deadline reminder',
    ]);
    expect(cosine(query!, same!)).toBeGreaterThan(0.5);
    expect(cosine(query!, forms!)).toBeGreaterThan(cosine(query!, other!) + 0.2);
    expect(Math.abs(cosine(query!, other!))).toBeLessThan(0.15);
  });

  it('ignores case, accents, links, handles and stop words', async () => {
    const [a, b] = await local.embed([
      'Crème brûlée night',
      'the CREME brulee NIGHT https://example.com/menu @bakery',
    ]);
    expect(cosine(a!, b!)).toBeCloseTo(1, 10);
  });

  it('gives a text without words a zero vector (like nothing)', async () => {
    const [vector] = await local.embed(['!!! ...']);
    expect(vector!.every((x) => x === 0)).toBe(true);
  });
});
