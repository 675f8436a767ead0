import { ROUTES } from '../../../functions/shared/route-table';

/**
 * The routes anyone may call, from the one route table. A 401 from one of these (a wrong
 * password, an expired invitation) says nothing about the access token, so the client never
 * answers it with a token refresh.
 */
const PUBLIC_PATTERNS: readonly RegExp[] = ROUTES.filter((route) => route.access === 'public').map(
  (route) =>
    new RegExp(
      `${route.path
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
        .join('[^/]+')}$`,
    ),
);

/**
 * True when `pathname` (`/api/auth/login`, `/api/invitations/abc`) is a public route. Matched
 * at the end, so an API behind a path prefix (`/prod/api/...`) is recognised too.
 */
export function isPublicApiPath(pathname: string): boolean {
  return PUBLIC_PATTERNS.some((pattern) => pattern.test(pathname));
}
