import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACTS } from '../../functions/shared/contracts';
import { AREAS, ROUTES, routeKey } from '../../functions/shared/route-table';

// Every endpoint of SPEC.md, read from the spec itself so the table cannot silently lose one.
function specEndpoints(): string[] {
  const spec = readFileSync(new URL('../../../shared/SPEC.md', import.meta.url), 'utf8');
  return [...spec.matchAll(/^(GET|POST|PUT|DELETE|PATCH)\s+(\/api\/\S+)/gm)].map(
    ([, method, path]) => `${method} ${(path as string).replace(/:(\w+)/g, '{$1}')}`,
  );
}

describe('route table', () => {
  it('lists every SPEC.md endpoint at its exact path', () => {
    const keys = new Set(ROUTES.map(routeKey));
    const endpoints = specEndpoints();
    expect(endpoints.length).toBeGreaterThan(80);
    expect(endpoints.filter((e) => !keys.has(e))).toEqual([]);
  });

  it('has unique route keys and unique operation names', () => {
    expect(new Set(ROUTES.map(routeKey)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => r.name)).size).toBe(ROUTES.length);
  });

  it('puts every route under /api in a known area with a declared access policy', () => {
    for (const route of ROUTES) {
      expect(route.path.startsWith('/api/')).toBe(true);
      expect(AREAS).toContain(route.area);
      expect(['public', 'viewer', 'user', 'manager', 'admin', 'super-admin']).toContain(route.access);
    }
  });

  it('keeps the public surface small: only auth entry points, webhooks, system routes and the sandbox pages', () => {
    const publicRoutes = ROUTES.filter((r) => r.access === 'public').map((r) => r.area);
    expect(new Set(publicRoutes)).toEqual(
      new Set(['system', 'auth', 'webhooks', 'organizations', 'sandbox', 'social-accounts']),
    );
    // The OAuth redirect target only: the network sends the browser back without Plume's token.
    expect(
      ROUTES.filter((r) => r.area === 'social-accounts' && r.access === 'public').map((r) => r.name),
    ).toEqual(['completeSocialAccountConnection']);
    // The Sandbox network's pages only read.
    expect(ROUTES.filter((r) => r.area === 'sandbox').map((r) => `${r.method} ${r.access}`)).toEqual([
      'GET public',
      'GET public',
    ]);
    expect(
      ROUTES.filter((r) => r.area === 'organizations' && r.access === 'public')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['acceptInvitation', 'getInvitation']);
  });

  it('has contracts only for routes that exist', () => {
    const names = new Set<string>(ROUTES.map((r) => r.name));
    expect(Object.keys(CONTRACTS).filter((name) => !names.has(name))).toEqual([]);
  });
});
