import { describe, expect, it } from 'vitest';
import { enforceAccess, enforceApiKeyScope, roleAtLeast } from '../../functions/http/access';
import type { AuthContext } from '../../functions/http/auth-context';
import { buildOpenApiDocument } from '../../functions/http/openapi';
import type { HttpProblem } from '../../functions/http/problem';
import { ROLES, ROUTES, type Access, type RouteDefinition } from '../../functions/shared/route-table';

const as = (role: AuthContext['role'], isSuperAdmin = false): AuthContext => ({
  userId: 'u',
  organizationId: 'o',
  role,
  isSuperAdmin,
  via: 'session',
});

const statusOf = (access: Access, auth: AuthContext | undefined): number => {
  try {
    enforceAccess(access, auth);
    return 200;
  } catch (error) {
    return (error as HttpProblem).status;
  }
};

describe('enforceAccess', () => {
  it('orders roles viewer < user < manager < admin', () => {
    expect(roleAtLeast('admin', 'viewer')).toBe(true);
    expect(roleAtLeast('user', 'manager')).toBe(false);
  });

  it('applies the policy for every role against every minimum', () => {
    for (const minimum of ROLES) {
      for (const role of ROLES) {
        expect(statusOf(minimum, as(role))).toBe(ROLES.indexOf(role) >= ROLES.indexOf(minimum) ? 200 : 403);
      }
      expect(statusOf(minimum, undefined)).toBe(401);
    }
  });

  it('lets anyone through public routes and only super-admins through super-admin ones', () => {
    expect(statusOf('public', undefined)).toBe(200);
    expect(statusOf('super-admin', as('admin'))).toBe(403);
    expect(statusOf('super-admin', as('viewer', true))).toBe(200);
    expect(statusOf('super-admin', undefined)).toBe(401);
  });
});

describe('enforceApiKeyScope', () => {
  const key = (scopes: string[]): AuthContext => ({ ...as('admin'), via: 'api-key', apiKeyId: 'k', scopes });
  const keyStatus = (route: RouteDefinition, auth: AuthContext): number => {
    try {
      enforceApiKeyScope(route, auth);
      return 200;
    } catch (error) {
      return (error as HttpProblem).status;
    }
  };

  it('refuses keys on every route the table declares session-only, and only there', () => {
    const sessionOnly = ROUTES.filter((r) => r.credentials === 'session');
    expect(sessionOnly.length).toBeGreaterThan(10);
    for (const route of ROUTES) {
      expect(keyStatus(route, key(['read', 'write'])), route.name).toBe(
        route.credentials === 'session' ? 403 : 200,
      );
      // A session is never refused by this rule.
      expect(keyStatus(route, as('viewer')), route.name).toBe(200);
    }
  });

  it('tells API clients the same: session-only operations offer only the bearer scheme', () => {
    const paths = buildOpenApiDocument().paths as Record<string, Record<string, { security?: unknown }>>;
    for (const route of ROUTES.filter((r) => r.access !== 'public')) {
      const operation = paths[route.path]?.[route.method.toLowerCase()];
      if (route.credentials === 'session')
        expect(operation?.security, route.name).toEqual([{ bearerAuth: [] }]);
      else expect(operation?.security, route.name).toBeUndefined(); // the document's default: bearer or key
    }
  });

  it('needs the read scope for GET and the write scope for anything else', () => {
    const read = ROUTES.find((r) => r.name === 'listPosts')!;
    const write = ROUTES.find((r) => r.name === 'createPost')!;
    expect(keyStatus(read, key(['read']))).toBe(200);
    expect(keyStatus(write, key(['read']))).toBe(403);
    expect(keyStatus(read, key(['write']))).toBe(403);
    expect(keyStatus(write, key(['write']))).toBe(200);
  });
});
