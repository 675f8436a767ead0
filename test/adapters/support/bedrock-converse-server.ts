import type { IncomingHttpHeaders } from 'node:http';
import {
  listen,
  readBody,
  roughTokens,
  sendJson,
  waitUnlessGone,
  type StandInRequest,
  type StandInResponse,
} from './stand-in-http';

/**
 * A local server speaking Amazon Bedrock Runtime's Converse operation
 * (`POST /model/{modelId}/converse`, https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html),
 * for the real `BedrockRuntimeClient` pointed at it with `endpoint` and static credentials.
 * It answers as the service does over its REST-JSON protocol: the ConverseResponse document
 * (output.message.content with text and toolUse blocks, stopReason, usage, metrics), and
 * errors as an HTTP status, an `x-amzn-ErrorType` header naming the exception and a
 * `{"message"}` body. A request must carry a SigV4 Authorization header naming the expected
 * access key id; the signature itself is not verified. Tests script answers and read requests.
 */

export type ConverseStopReason =
  'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence' | 'guardrail_intervened' | 'content_filtered';

export interface ConverseUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
}

export type ConverseAnswer = { delayMs?: number } & (
  | { kind: 'text'; text: string; stopReason?: ConverseStopReason; usage?: Partial<ConverseUsage> }
  | {
      kind: 'tool_use';
      input: unknown;
      name?: string;
      stopReason?: ConverseStopReason;
      usage?: Partial<ConverseUsage>;
    }
  | { kind: 'error'; status: number; code: string; message?: string; headers?: Record<string, string> }
);

/** The Converse errors with the statuses the API reference gives them. */
export const converseErrors = {
  throttling: (headers: Record<string, string> = {}): ConverseAnswer => ({
    kind: 'error',
    status: 429,
    code: 'ThrottlingException',
    message: 'Too many requests, please wait before trying again.',
    headers,
  }),
  serviceUnavailable: (): ConverseAnswer => ({
    kind: 'error',
    status: 503,
    code: 'ServiceUnavailableException',
    message: 'The service is temporarily unable to handle the request.',
  }),
  modelTimeout: (): ConverseAnswer => ({
    kind: 'error',
    status: 408,
    code: 'ModelTimeoutException',
    message: 'Model has timed out in processing the request.',
  }),
  validation: (message = 'The provided model identifier is invalid.'): ConverseAnswer => ({
    kind: 'error',
    status: 400,
    code: 'ValidationException',
    message,
  }),
  accessDenied: (): ConverseAnswer => ({
    kind: 'error',
    status: 403,
    code: 'AccessDeniedException',
    message: "You don't have access to the model with the specified model ID.",
  }),
};

export interface RecordedConverseRequest {
  receivedAt: number;
  modelId: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface BedrockConverseServer {
  /** The client's `endpoint`. */
  endpoint: string;
  accessKeyId: string;
  requests: RecordedConverseRequest[];
  delayMs: number;
  enqueue(...answers: ConverseAnswer[]): void;
  reset(): void;
  close(): Promise<void>;
}

export interface ConverseServerOptions {
  accessKeyId?: string;
  delayMs?: number;
  defaultToolInput?: unknown;
}

const ERROR_TYPE_SUFFIX = ':http://internal.amazon.com/coral/com.amazon.bedrock/';

export async function startBedrockConverseServer(
  options: ConverseServerOptions = {},
): Promise<BedrockConverseServer> {
  const accessKeyId = options.accessKeyId ?? 'AKIASTANDIN000000000';
  const startDelay = options.delayMs ?? 0;
  const requests: RecordedConverseRequest[] = [];
  let queue: ConverseAnswer[] = [];
  const state = { delayMs: startDelay };
  let counter = 0;

  const fail = (response: StandInResponse, status: number, code: string, message: string, headers = {}) => {
    counter += 1;
    sendJson(
      response,
      status,
      { message },
      {
        'x-amzn-errortype': `${code}${ERROR_TYPE_SUFFIX}`,
        'x-amzn-requestid': `standin-${counter}`,
        ...headers,
      },
    );
  };

  const handle = async (request: StandInRequest, response: StandInResponse): Promise<void> => {
    const receivedAt = performance.now();
    const raw = await readBody(request);
    const match = /^\/model\/([^/]+)\/converse$/.exec((request.url ?? '').split('?')[0] ?? '');
    if (request.method !== 'POST' || !match?.[1]) {
      fail(response, 404, 'UnknownOperationException', `Unknown operation ${request.method} ${request.url}`);
      return;
    }
    const authorization = request.headers.authorization ?? '';
    if (!authorization.startsWith('AWS4-HMAC-SHA256 ')) {
      fail(response, 403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
      return;
    }
    if (!authorization.includes(`Credential=${accessKeyId}/`)) {
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
      body = JSON.parse(raw || '{}') as Record<string, unknown>;
    } catch {
      fail(response, 400, 'SerializationException', 'Malformed request body');
      return;
    }
    requests.push({ receivedAt, modelId, headers: request.headers, body });
    const invalid = validate(body);
    if (invalid) {
      fail(response, 400, 'ValidationException', invalid);
      return;
    }
    const answer = queue.shift() ?? defaultAnswer(body, options.defaultToolInput);
    if ((await waitUnlessGone(response, state.delayMs + (answer.delayMs ?? 0))) === 'gone') return;
    if (answer.kind === 'error') {
      fail(response, answer.status, answer.code, answer.message ?? answer.code, answer.headers);
      return;
    }
    counter += 1;
    const forced = forcedTool(body);
    const content =
      answer.kind === 'text'
        ? [{ text: answer.text }]
        : [
            {
              toolUse: {
                toolUseId: `tooluse_standin${counter}`,
                name: answer.name ?? forced ?? 'tool',
                input: answer.input,
              },
            },
          ];
    const inputTokens = roughTokens({
      system: body.system,
      messages: body.messages,
      toolConfig: body.toolConfig,
    });
    const outputTokens = roughTokens(content);
    const usage: ConverseUsage = {
      inputTokens,
      outputTokens,
      totalTokens: inputTokens + outputTokens,
      ...answer.usage,
    };
    sendJson(
      response,
      200,
      {
        output: { message: { role: 'assistant', content } },
        stopReason: answer.stopReason ?? (answer.kind === 'tool_use' ? 'tool_use' : 'end_turn'),
        usage,
        metrics: { latencyMs: Math.round(state.delayMs + (answer.delayMs ?? 0)) },
      },
      { 'x-amzn-requestid': `standin-${counter}` },
    );
  };

  const listening = await listen(handle, { http2: true });
  return {
    endpoint: listening.url,
    accessKeyId,
    requests,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    enqueue: (...answers) => void queue.push(...answers),
    reset: () => {
      requests.length = 0;
      queue = [];
      state.delayMs = startDelay;
    },
    close: listening.close,
  };
}

/** What Converse refuses with ValidationException (the parts Plume could get wrong). */
function validate(body: Record<string, unknown>): string | undefined {
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return 'A conversation must start with a user message.';
  for (const message of body.messages as Array<Record<string, unknown>>) {
    if (message.role !== 'user' && message.role !== 'assistant') return 'Invalid message role.';
    if (!Array.isArray(message.content) || message.content.length === 0)
      return 'Message content must not be empty.';
  }
  const maxTokens = (body.inferenceConfig as { maxTokens?: unknown } | undefined)?.maxTokens;
  if (maxTokens !== undefined && (!Number.isInteger(maxTokens) || (maxTokens as number) < 1))
    return 'inferenceConfig.maxTokens must be at least 1.';
  const toolConfig = body.toolConfig as
    | {
        tools?: Array<{ toolSpec?: { name?: string; inputSchema?: { json?: unknown } } }>;
        toolChoice?: { tool?: { name?: string } };
      }
    | undefined;
  if (toolConfig) {
    const names = (toolConfig.tools ?? []).map((tool) => tool.toolSpec?.name);
    if (names.length === 0) return 'toolConfig.tools must contain at least one tool.';
    if ((toolConfig.tools ?? []).some((tool) => typeof tool.toolSpec?.inputSchema?.json !== 'object'))
      return 'toolSpec.inputSchema.json must be a JSON object.';
    const chosen = toolConfig.toolChoice?.tool?.name;
    if (chosen !== undefined && !names.includes(chosen)) return `toolChoice names an unknown tool: ${chosen}`;
  }
  return undefined;
}

function forcedTool(body: Record<string, unknown>): string | undefined {
  return (body.toolConfig as { toolChoice?: { tool?: { name?: string } } } | undefined)?.toolChoice?.tool
    ?.name;
}

function defaultAnswer(body: Record<string, unknown>, toolInput: unknown): ConverseAnswer {
  if (forcedTool(body)) return { kind: 'tool_use', input: toolInput ?? {} };
  return { kind: 'text', text: 'Hello from the stand-in Converse server.' };
}
