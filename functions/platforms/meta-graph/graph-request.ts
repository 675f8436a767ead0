import type { z } from 'zod';
import { PlatformError, type ConnectorContext, type Platform } from '../connector';
import { platformRequest } from '../platform-http';
import { mapGraphError } from './graph-error';
import { graphUsage } from './usage-headers';

export type GraphParams = Record<string, string | number | boolean | undefined>;

export interface GraphRequest<T> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Absolute URL (base from `context.endpoints` + path). */
  url: string;
  /** Sent as `Authorization: Bearer`, which keeps tokens out of URLs and access logs. */
  accessToken?: string;
  query?: GraphParams;
  /** POST body: fields are sent form-encoded, a FormData as multipart. */
  form?: GraphParams | FormData;
  /** True when the call makes something visible (a post, a comment): see `platformRequest`. */
  creates?: boolean;
  /** The expected success body; anything else is an error, never a silent `undefined`. */
  schema: z.ZodType<T>;
  /** Sees the answer's headers (its usage headers, for the account sync's rate-limit reading). */
  onHeaders?: (headers: Headers) => void;
}

/** Meta asks apps to slow down above this share of a limit (Mixpost throttles at 90 % too). */
const USAGE_WARNING_PERCENT = 90;

function withQuery(url: string, query: GraphParams | undefined): string {
  if (!query) return url;
  const target = new URL(url);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) target.searchParams.set(key, String(value));
  }
  return target.toString();
}

function formBody(form: GraphParams | FormData | undefined): URLSearchParams | FormData | undefined {
  if (!form || form instanceof FormData) return form;
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (value !== undefined) body.set(key, String(value));
  }
  return body;
}

/**
 * One Graph API call (Facebook, Instagram, Threads and their OAuth endpoints): a non-2xx
 * answer becomes the mapped `PlatformError`, a 2xx answer is checked against `schema`.
 */
export async function graphRequest<T>(
  context: ConnectorContext,
  platform: Platform,
  request: GraphRequest<T>,
): Promise<T> {
  const response = await platformRequest(context, platform, {
    method: request.method,
    url: withQuery(request.url, request.query),
    headers: request.accessToken ? { authorization: `Bearer ${request.accessToken}` } : undefined,
    body: formBody(request.form),
    creates: request.creates,
  });
  request.onHeaders?.(response.headers);
  const usage = graphUsage(response.headers);
  if (usage.percent >= USAGE_WARNING_PERCENT) {
    context.logger.warn(`${platform}: Graph API usage at ${usage.percent}% of the rate limit`, { usage });
  }
  if (response.status < 200 || response.status >= 300) {
    throw mapGraphError(platform, response, context.clock.now(), { creates: request.creates });
  }
  const parsed = request.schema.safeParse(response.body);
  if (!parsed.success) {
    const summary = `${platform}: unexpected answer from ${new URL(request.url).pathname}`;
    context.logger.error(summary, { status: response.status, issues: parsed.error.issues });
    // After a create went through, a body we cannot read still means the post may exist.
    throw new PlatformError(request.creates ? 'unknown_outcome' : 'permanent', summary, {
      status: response.status,
    });
  }
  return parsed.data;
}
