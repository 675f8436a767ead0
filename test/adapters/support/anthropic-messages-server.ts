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
 * A local server speaking the Anthropic Messages API (`POST /v1/messages`,
 * https://platform.claude.com/docs/en/api/messages) as the real one does where Plume depends on
 * it: the key as `x-api-key` or `Authorization: Bearer` (what @anthropic-ai/sdk 1.x sends; the
 * API prefers x-api-key when both come), the `anthropic-version` header and what each version
 * refuses (2026-10-21 removed temperature, top_p and top_k: sending one is a 400), the request
 * fields it validates (model, max_tokens, messages, tool names, a tool_choice naming a tool
 * that exists), the message
 * object with its content blocks, `stop_reason` and usage (cache fields included), and errors
 * as `{type:'error', error:{type, message}, request_id}` with the documented statuses
 * (https://platform.claude.com/docs/en/api/errors). Tests script its answers in order and
 * read back every request it received.
 */

export type StopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'pause_turn'
  | 'refusal'
  | 'model_context_window_exceeded';

export interface WireUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  service_tier: 'standard';
}

interface AnswerTiming {
  /** Extra wait before this answer, on top of the server's `delayMs`. */
  delayMs?: number;
}

export type MessagesAnswer = AnswerTiming &
  (
    | { kind: 'text'; text: string; stopReason?: StopReason; usage?: Partial<WireUsage>; model?: string }
    | {
        kind: 'tool_use';
        input: unknown;
        /** Defaults to the tool the request forced. */
        name?: string;
        /** Text the model wrote before calling the tool. */
        preamble?: string;
        stopReason?: StopReason;
        usage?: Partial<WireUsage>;
      }
    | {
        kind: 'error';
        status: number;
        type: string;
        message?: string;
        details?: Record<string, unknown>;
        headers?: Record<string, string>;
      }
  );

/** Shorthands for the documented errors. */
export const messagesErrors = {
  rateLimited: (retryAfterSeconds?: number): MessagesAnswer => ({
    kind: 'error',
    status: 429,
    type: 'rate_limit_error',
    message: 'Number of request tokens has exceeded your per-minute rate limit',
    headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
  }),
  spendCap: (): MessagesAnswer => ({
    kind: 'error',
    status: 429,
    type: 'rate_limit_error',
    message: 'Your organization has reached its monthly usage limit',
    details: { error_code: 'enforced_spend_limit_reached' },
  }),
  overloaded: (): MessagesAnswer => ({
    kind: 'error',
    status: 529,
    type: 'overloaded_error',
    message: 'Overloaded',
  }),
  apiError: (): MessagesAnswer => ({
    kind: 'error',
    status: 500,
    type: 'api_error',
    message: 'Internal server error',
  }),
  invalidRequest: (message = 'messages: field required'): MessagesAnswer => ({
    kind: 'error',
    status: 400,
    type: 'invalid_request_error',
    message,
  }),
  authentication: (): MessagesAnswer => ({
    kind: 'error',
    status: 401,
    type: 'authentication_error',
    message: 'invalid x-api-key',
  }),
  permission: (): MessagesAnswer => ({
    kind: 'error',
    status: 403,
    type: 'permission_error',
    message: 'Your API key does not have permission to use the specified resource.',
  }),
};

export interface RecordedMessagesRequest {
  /** performance.now() when the request arrived (same clock as the test's). */
  receivedAt: number;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface AnthropicMessagesServer {
  /** The SDK's `baseURL`. */
  url: string;
  apiKey: string;
  /** Every request to /v1/messages, in order of arrival, refused ones included. */
  requests: RecordedMessagesRequest[];
  /** Milliseconds every answer waits before it is sent (the model's "own time"). */
  delayMs: number;
  /** Answers for the next requests, in order; when none is left, a default from the request. */
  enqueue(...answers: MessagesAnswer[]): void;
  /** Forget requests and queued answers; delay back to its start value. */
  reset(): void;
  close(): Promise<void>;
}

export interface MessagesServerOptions {
  apiKey?: string;
  delayMs?: number;
  port?: number;
  /** Tool input when a forced tool call is not scripted. */
  defaultToolInput?: unknown;
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;

export async function startAnthropicMessagesServer(
  options: MessagesServerOptions = {},
): Promise<AnthropicMessagesServer> {
  const apiKey = options.apiKey ?? 'sk-ant-stand-in';
  const startDelay = options.delayMs ?? 0;
  const requests: RecordedMessagesRequest[] = [];
  let queue: MessagesAnswer[] = [];
  let counter = 0;
  const state = { delayMs: startDelay };

  const error = (response: StandInResponse, status: number, type: string, message: string, extra = {}) => {
    counter += 1;
    const requestId = `req_standin${String(counter).padStart(6, '0')}`;
    sendJson(
      response,
      status,
      { type: 'error', error: { type, message, ...extra }, request_id: requestId },
      {
        'request-id': requestId,
      },
    );
  };

  const handle = async (request: StandInRequest, response: StandInResponse): Promise<void> => {
    const receivedAt = performance.now();
    const raw = await readBody(request);
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'POST' || path !== '/v1/messages') {
      error(response, 404, 'not_found_error', `Not Found: ${request.method} ${path}`);
      return;
    }
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    requests.push({ receivedAt, headers: request.headers, body: body ?? {} });
    if (presentedKey(request.headers) !== apiKey) {
      error(response, 401, 'authentication_error', 'invalid x-api-key');
      return;
    }
    const version = request.headers['anthropic-version'];
    if (!version) {
      error(response, 400, 'invalid_request_error', 'anthropic-version: header is required');
      return;
    }
    if (version !== '2023-06-01' && version !== '2026-10-21') {
      error(response, 400, 'invalid_request_error', `anthropic-version: unknown version ${String(version)}`);
      return;
    }
    if (!body) {
      error(response, 400, 'invalid_request_error', 'There was an issue with your request: invalid JSON');
      return;
    }
    const invalid = validate(body, version);
    if (invalid) {
      error(response, 400, 'invalid_request_error', invalid);
      return;
    }
    const answer = queue.shift() ?? defaultAnswer(body, options.defaultToolInput);
    if ((await waitUnlessGone(response, state.delayMs + (answer.delayMs ?? 0))) === 'gone') return;
    if (answer.kind === 'error') {
      counter += 1;
      const requestId = `req_standin${String(counter).padStart(6, '0')}`;
      sendJson(
        response,
        answer.status,
        {
          type: 'error',
          error: {
            type: answer.type,
            message: answer.message ?? answer.type,
            ...(answer.details ? { details: answer.details } : {}),
          },
          request_id: requestId,
        },
        { 'request-id': requestId, ...answer.headers },
      );
      return;
    }
    counter += 1;
    const forced = forcedTool(body);
    const content =
      answer.kind === 'text'
        ? [{ type: 'text', text: answer.text }]
        : [
            ...(answer.preamble ? [{ type: 'text', text: answer.preamble }] : []),
            {
              type: 'tool_use',
              id: `toolu_standin${String(counter).padStart(6, '0')}`,
              name: answer.name ?? forced ?? 'tool',
              input: answer.input,
            },
          ];
    const usage: WireUsage = {
      input_tokens: roughTokens({ system: body.system, messages: body.messages, tools: body.tools }),
      output_tokens: roughTokens(content),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      service_tier: 'standard',
      ...answer.usage,
    };
    sendJson(
      response,
      200,
      {
        id: `msg_standin${String(counter).padStart(6, '0')}`,
        type: 'message',
        role: 'assistant',
        model: (answer.kind === 'text' ? answer.model : undefined) ?? body.model,
        content,
        stop_reason: answer.stopReason ?? (answer.kind === 'tool_use' ? 'tool_use' : 'end_turn'),
        stop_sequence: null,
        usage,
      },
      { 'request-id': `req_standin${String(counter).padStart(6, '0')}` },
    );
  };

  const listening = await listen(handle, { port: options.port });
  return {
    url: listening.url,
    apiKey,
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

/** The key a request presents: `x-api-key` first, as the API reads it, then a Bearer token. */
function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-api-key'];
  if (typeof header === 'string') return header;
  const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? '');
  return bearer?.[1];
}

/** Removed from the Messages API in version 2026-10-21: any of them, at any value, is a 400. */
const REMOVED_IN_2026_10_21 = ['temperature', 'top_p', 'top_k'];

/** What the API itself refuses with 400 invalid_request_error (the parts Plume could get wrong). */
function validate(body: Record<string, unknown>, version: string): string | undefined {
  if (version === '2026-10-21') {
    const removed = REMOVED_IN_2026_10_21.find((field) => field in body);
    if (removed) return `${removed}: Extra inputs are not permitted`;
  }
  if (typeof body.model !== 'string' || body.model === '') return 'model: Field required';
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1)
    return 'max_tokens: Input should be a valid integer greater than or equal to 1';
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return 'messages: at least one message is required';
  for (const [index, message] of (body.messages as Array<Record<string, unknown>>).entries()) {
    if (message.role !== 'user' && message.role !== 'assistant')
      return `messages.${index}.role: Input should be 'user' or 'assistant'`;
    if (typeof message.content !== 'string' && !Array.isArray(message.content))
      return `messages.${index}.content: Field required`;
  }
  const tools = (body.tools ?? []) as Array<Record<string, unknown>>;
  if (!Array.isArray(tools)) return 'tools: Input should be a valid list';
  for (const [index, tool] of tools.entries()) {
    if (typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name))
      return `tools.${index}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`;
    const schema = tool.input_schema as Record<string, unknown> | undefined;
    if (!schema || schema.type !== 'object')
      return `tools.${index}.custom.input_schema.type: Input should be 'object'`;
  }
  const choice = body.tool_choice as { type?: string; name?: string } | undefined;
  if (choice?.type === 'tool' && !tools.some((tool) => tool.name === choice.name))
    return `tool_choice: Tool '${String(choice.name)}' not found in tools`;
  return undefined;
}

function forcedTool(body: Record<string, unknown>): string | undefined {
  const choice = body.tool_choice as { type?: string; name?: string } | undefined;
  return choice?.type === 'tool' ? choice.name : undefined;
}

function defaultAnswer(body: Record<string, unknown>, toolInput: unknown): MessagesAnswer {
  if (forcedTool(body)) return { kind: 'tool_use', input: toolInput ?? {} };
  return { kind: 'text', text: 'Hello from the stand-in Messages server.' };
}
