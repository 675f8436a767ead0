import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { listen, readBody, sendJson, type StandInRequest, type StandInResponse } from './stand-in-http';

/**
 * A local server speaking Amazon Bedrock Runtime's InvokeModel operation
 * (`POST /model/{modelId}/invoke`, https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html)
 * for Amazon Titan Text Embeddings V2, for the real `BedrockRuntimeClient` pointed at it. The
 * body is the model's own document (Bedrock user guide, "Amazon Titan Embeddings G1 - Text", V2):
 * `{inputText, dimensions (1024 | 512 | 256), normalize, embeddingTypes}` in,
 * `{embedding, inputTextTokenCount, embeddingsByType: {float}}` out. Errors as the AWS
 * REST-JSON protocol sends them (status, `x-amzn-ErrorType`, `{"message"}`). The vector is a
 * stand-in, not Titan's: a deterministic pseudo-random direction per text (unit length when
 * `normalize` is true), so equal texts get equal vectors and different texts nearly orthogonal ones.
 */

export interface RecordedInvokeRequest {
  modelId: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export type InvokeAnswer =
  | { kind: 'embedding' }
  | { kind: 'error'; status: number; code: string; message?: string }
  /** A 200 whose document lacks a usable embedding (a changed or wrong model). */
  | { kind: 'malformed'; body: unknown };

export interface BedrockInvokeServer {
  endpoint: string;
  accessKeyId: string;
  requests: RecordedInvokeRequest[];
  enqueue(...answers: InvokeAnswer[]): void;
  reset(): void;
  close(): Promise<void>;
}

const TITAN_V2 = 'amazon.titan-embed-text-v2:0';
const ERROR_TYPE_SUFFIX = ':http://internal.amazon.com/coral/com.amazon.bedrock/';

/** The stand-in's vector for a text: SHA-256 in counter mode, mapped to [-1, 1]. */
export function standInVector(text: string, dimensions: number, normalize = true): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block += 1) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let i = 0; i + 1 < digest.length && values.length < dimensions; i += 2)
      values.push(digest.readUInt16BE(i) / 32767.5 - 1);
  }
  if (!normalize) return values;
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
}

export async function startBedrockInvokeServer(
  options: { accessKeyId?: string } = {},
): Promise<BedrockInvokeServer> {
  const accessKeyId = options.accessKeyId ?? 'AKIASTANDIN000000000';
  const requests: RecordedInvokeRequest[] = [];
  let queue: InvokeAnswer[] = [];

  const fail = (response: StandInResponse, status: number, code: string, message: string) =>
    sendJson(response, status, { message }, { 'x-amzn-errortype': `${code}${ERROR_TYPE_SUFFIX}` });

  const handle = async (request: StandInRequest, response: StandInResponse): Promise<void> => {
    const raw = await readBody(request);
    const match = /^\/model\/([^/]+)\/invoke$/.exec((request.url ?? '').split('?')[0] ?? '');
    if (request.method !== 'POST' || !match?.[1]) {
      fail(response, 404, 'UnknownOperationException', `Unknown operation ${request.method} ${request.url}`);
      return;
    }
    const authorization = request.headers.authorization ?? '';
    if (
      !authorization.startsWith('AWS4-HMAC-SHA256 ') ||
      !authorization.includes(`Credential=${accessKeyId}/`)
    ) {
      fail(
        response,
        403,
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
      );
      return;
    }
    const modelId = decodeURIComponent(match[1]);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      fail(
        response,
        400,
        'ValidationException',
        'Malformed input request, please reformat your input and try again.',
      );
      return;
    }
    requests.push({ modelId, headers: request.headers, body });
    if (modelId !== TITAN_V2) {
      fail(response, 400, 'ValidationException', 'The provided model identifier is invalid.');
      return;
    }
    const invalid = validate(body);
    if (invalid) {
      fail(response, 400, 'ValidationException', invalid);
      return;
    }
    const answer = queue.shift() ?? { kind: 'embedding' };
    if (answer.kind === 'error') {
      fail(response, answer.status, answer.code, answer.message ?? answer.code);
      return;
    }
    if (answer.kind === 'malformed') {
      sendJson(response, 200, answer.body);
      return;
    }
    const text = body.inputText as string;
    const embedding = standInVector(
      text,
      (body.dimensions as number | undefined) ?? 1024,
      body.normalize !== false,
    );
    sendJson(response, 200, {
      embedding,
      inputTextTokenCount: Math.max(1, Math.ceil(text.length / 4)),
      embeddingsByType: { float: embedding },
    });
  };

  const listening = await listen(handle, { http2: true });
  return {
    endpoint: listening.url,
    accessKeyId,
    requests,
    enqueue: (...answers) => void queue.push(...answers),
    reset: () => {
      requests.length = 0;
      queue = [];
    },
    close: listening.close,
  };
}

/** What Titan V2 refuses (the parts a caller could get wrong). */
function validate(body: Record<string, unknown>): string | undefined {
  if (typeof body.inputText !== 'string' || body.inputText.length === 0)
    return 'Malformed input request: #/inputText: expected minLength: 1';
  if (body.inputText.length > 50_000)
    return 'Malformed input request: #/inputText: expected maxLength: 50000';
  if (body.dimensions !== undefined && ![256, 512, 1024].includes(body.dimensions as number))
    return 'Malformed input request: #/dimensions: 256, 512 or 1024';
  if (body.normalize !== undefined && typeof body.normalize !== 'boolean')
    return 'Malformed input request: #/normalize: expected type: Boolean';
  const allowed = new Set(['inputText', 'dimensions', 'normalize', 'embeddingTypes']);
  const extra = Object.keys(body).find((key) => !allowed.has(key));
  return extra ? `Malformed input request: extraneous key [${extra}] is not permitted` : undefined;
}
