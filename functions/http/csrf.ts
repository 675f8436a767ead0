import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Env } from '../config/env';
import { HttpProblem } from './problem';
import { header } from './request';

/**
 * The browser origins whose pages may use the session cookie: the dashboard's own (PUBLIC_URL:
 * behind CloudFront the request's Host is the API's execute-api domain, never the dashboard's)
 * and the configured CORS origins.
 */
export function trustedOrigins(env: Pick<Env, 'PUBLIC_URL' | 'CORS_ORIGINS'>): string[] {
  const cors = env.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return [new URL(env.PUBLIC_URL).origin, ...cors];
}

/**
 * Refuses a cookie-authenticated write that a browser says came from another site. Modern
 * browsers send `Sec-Fetch-Site`; older ones at least send `Origin` on POST, which must then be
 * the request's own host or one of `trustedOrigins`. A request with neither is not from a
 * browser page (curl, server code) and carries no ambient-cookie risk.
 */
export function assertSameOrigin(
  event: APIGatewayProxyEventV2,
  env: Pick<Env, 'PUBLIC_URL' | 'CORS_ORIGINS'>,
): void {
  const site = header(event, 'sec-fetch-site');
  if (site) {
    if (site === 'same-origin' || site === 'none') return;
    throw new HttpProblem(403, 'forbidden', 'Cross-site requests may not use the session cookie.');
  }
  const origin = header(event, 'origin');
  if (!origin) return;
  const host = header(event, 'host') ?? event.requestContext.domainName;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new HttpProblem(403, 'forbidden', 'Cross-site requests may not use the session cookie.');
  }
  if (parsed.host === host || trustedOrigins(env).includes(parsed.origin)) return;
  throw new HttpProblem(403, 'forbidden', 'Cross-site requests may not use the session cookie.');
}
