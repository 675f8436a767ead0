import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { header } from './request';

export const REFRESH_COOKIE = 'plume_refresh';
/** Only the auth routes ever see the refresh token. */
const COOKIE_PATH = '/api/auth';

/** Browsers refuse `Secure` cookies over plain http except on localhost, which they treat as secure. */
function isLocalhost(event: APIGatewayProxyEventV2): boolean {
  const host = (header(event, 'host') ?? event.requestContext.domainName ?? '').split(':')[0] ?? '';
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export function refreshCookie(event: APIGatewayProxyEventV2, token: string, maxAgeSeconds: number): string {
  const secure = isLocalhost(event) ? '' : '; Secure';
  return `${REFRESH_COOKIE}=${token}; Path=${COOKIE_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`;
}

export function clearedRefreshCookie(event: APIGatewayProxyEventV2): string {
  return refreshCookie(event, '', 0);
}

export function readRefreshCookie(event: APIGatewayProxyEventV2): string | undefined {
  for (const cookie of event.cookies ?? []) {
    const [name, ...rest] = cookie.trim().split('=');
    if (name === REFRESH_COOKIE) return rest.join('=') || undefined;
  }
  return undefined;
}
