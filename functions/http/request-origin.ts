import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Container } from '../adapters/container';
import type { AuditActor } from '../core/audit/record-audit';
import type { AuthContext } from './auth-context';
import { header } from './request';

/**
 * The header CloudFront adds to every request it sends to the HTTP API (a custom origin
 * header, lib/dashboard.ts), holding the origin-verify secret. It tells a request that came
 * through CloudFront from one sent straight to the API's own execute-api URL.
 */
export const ORIGIN_VERIFY_HEADER = 'x-plume-origin-verify';

/** Requests that proved they came through CloudFront: only theirs CloudFront-Viewer-Address is believed. */
const throughCloudFront = new WeakSet<APIGatewayProxyEventV2>();

/**
 * The secret's JSON: `current` is what CloudFront sends; `previous` is still accepted during a
 * rotation (set `previous` to the old value and `current` to a new one, then redeploy so
 * CloudFront sends the new one; README "Rotating the origin-verify secret").
 */
function acceptedValues(raw: string): string[] {
  const parsed = JSON.parse(raw) as { current?: unknown; previous?: unknown };
  return [parsed.current, parsed.previous].filter(
    (value): value is string => typeof value === 'string' && value.length >= 16,
  );
}

/** Constant-time comparison of equal-length digests, so the secret cannot be guessed byte by byte. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Runs once per request, before anything reads the caller's address: decides whether the
 * request came through CloudFront (its origin-verify header matches the secret) and removes
 * that header, so the secret reaches no operation, log or audit record. Without the secret
 * configured (the local runtime) nothing is trusted. A failure to read the secret is logged
 * and treated as "not through CloudFront": per-IP limits then see CloudFront's address,
 * which is coarse but never spoofable.
 */
export async function establishClientAddress(
  event: APIGatewayProxyEventV2,
  container: Pick<Container, 'env' | 'secrets' | 'logger'>,
): Promise<void> {
  const given = header(event, ORIGIN_VERIFY_HEADER);
  if (given !== undefined) delete event.headers[ORIGIN_VERIFY_HEADER];
  if (given === undefined || !container.env.ORIGIN_VERIFY_SECRET_ARN) return;
  let accepted: string[];
  try {
    accepted = acceptedValues(await container.secrets.get('origin-verify'));
  } catch (error) {
    container.logger.warn('Origin-verify secret unreadable: CloudFront-Viewer-Address ignored', { error });
    return;
  }
  // Every value is compared, so the time taken does not say which one matched.
  const matches = accepted.map((value) => sameSecret(given, value));
  if (matches.includes(true)) throughCloudFront.add(event);
}

/**
 * The caller's IP. Behind CloudFront, API Gateway sees CloudFront's address, so the
 * distribution forwards `CloudFront-Viewer-Address` (set by CloudFront, which overwrites any
 * the client sends). A caller of the API's own URL could send that header itself to pick the
 * address per-IP limits see, so it counts only on requests `establishClientAddress` found
 * carrying the origin-verify secret; everything else uses the connection's source IP.
 */
export function clientIp(event: APIGatewayProxyEventV2): string {
  const viewer = throughCloudFront.has(event) ? header(event, 'cloudfront-viewer-address') : undefined;
  if (viewer) {
    const ip = viewer.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (ip) return ip;
  }
  return event.requestContext.http.sourceIp;
}

export function userAgent(event: APIGatewayProxyEventV2): string | null {
  return header(event, 'user-agent')?.slice(0, 512) ?? null;
}

/** Everything the audit log records about who acted. */
export function auditActor(
  event: APIGatewayProxyEventV2,
  auth?: Pick<AuthContext, 'userId' | 'organizationId'>,
): AuditActor {
  return {
    userId: auth?.userId ?? null,
    organizationId: auth?.organizationId ?? null,
    ipAddress: clientIp(event),
    userAgent: userAgent(event),
    requestId: event.requestContext.requestId,
  };
}
