import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { HttpProblem } from './problem';
import { header } from './request';

/**
 * Refuses a cookie-authenticated write that a browser says came from another site. Modern
 * browsers send `Sec-Fetch-Site`; older ones at least send `Origin` on POST. A request with
 * neither is not from a browser page (curl, server code) and carries no ambient-cookie risk.
 */
export function assertSameOrigin(event: APIGatewayProxyEventV2, allowedOrigins: string[] = []): void {
  const site = header(event, 'sec-fetch-site');
  if (site) {
    if (site === 'same-origin' || site === 'none') return;
    throw new HttpProblem(403, 'forbidden', 'Cross-site requests may not use the session cookie.');
  }
  const origin = header(event, 'origin');
  if (!origin) return;
  const host = header(event, 'host') ?? event.requestContext.domainName;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new HttpProblem(403, 'forbidden', 'Cross-site requests may not use the session cookie.');
  }
  if (originHost === host || allowedOrigins.includes(origin)) return;
  throw new HttpProblem(403, 'forbidden', 'Cross-site requests may not use the session cookie.');
}
