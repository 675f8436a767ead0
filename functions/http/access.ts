import type { AuthContext } from './auth-context';
import { HttpProblem } from './problem';
import { ROLES, type Access, type Role, type RouteDefinition } from '../shared/route-table';

const rank = (role: Role): number => ROLES.indexOf(role);

/** True when `role` is at least `minimum` in the hierarchy viewer < user < manager < admin. */
export const roleAtLeast = (role: Role, minimum: Role): boolean => rank(role) >= rank(minimum);

/** The lower of two roles: what an API key may do given its own role and its creator's. */
export const lesserRole = (a: Role, b: Role): Role => (rank(a) <= rank(b) ? a : b);

/** Roles above `role`, e.g. the key roles a member demoted to `role` may no longer hold. */
export const rolesAbove = (role: Role): Role[] => ROLES.slice(rank(role) + 1);

/**
 * Applies a route's declared access policy. This is the only place a role is compared,
 * so every route is protected the same way in Lambda and locally.
 */
export function enforceAccess(access: Access, auth: AuthContext | undefined): void {
  if (access === 'public') return;
  if (!auth) throw new HttpProblem(401, 'unauthorized', 'Sign in or send an API key to call this route.');
  if (access === 'super-admin') {
    if (!auth.isSuperAdmin)
      throw new HttpProblem(403, 'forbidden', 'Only platform administrators may do this.');
    return;
  }
  if (!roleAtLeast(auth.role, access)) {
    throw new HttpProblem(403, 'forbidden', `This needs the ${access} role or higher; you are ${auth.role}.`);
  }
}

/**
 * API keys carry scopes on top of their role: `read` for GET, `write` for everything else.
 * Routes the table declares `credentials: 'session'` refuse keys outright. This is the only
 * place either rule is applied.
 */
export function enforceApiKeyScope(
  route: Pick<RouteDefinition, 'method' | 'credentials'>,
  auth: AuthContext | undefined,
): void {
  if (auth?.via !== 'api-key') return;
  if (route.credentials === 'session') {
    throw new HttpProblem(403, 'forbidden', 'API keys cannot call this route; sign in instead.');
  }
  const needed = route.method === 'GET' ? 'read' : 'write';
  if (!auth.scopes?.includes(needed)) {
    throw new HttpProblem(403, 'forbidden', `This API key lacks the "${needed}" scope.`);
  }
}
