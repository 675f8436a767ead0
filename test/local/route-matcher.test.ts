import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RouteMatcher } from '../../functions/local/route-matcher';
import { ROUTES } from '../../functions/shared/route-table';

describe('RouteMatcher', () => {
  const matcher = new RouteMatcher();

  it('matches every route in the table by its own method and path', () => {
    for (const route of ROUTES) {
      const concrete = route.path.replace(/\{(\w+)\}/g, 'abc-123');
      const match = matcher.match(route.method, concrete);
      expect(match, `${route.method} ${route.path}`).toMatchObject({
        kind: 'route',
        route: { name: route.name },
      });
    }
  });

  it('prefers static segments over parameters, as API Gateway does', () => {
    expect(matcher.match('GET', '/api/posts/calendar')).toMatchObject({ route: { name: 'getCalendar' } });
    expect(matcher.match('GET', '/api/media/storage-usage')).toMatchObject({
      route: { name: 'getStorageUsage' },
    });
    expect(matcher.match('GET', '/api/posts/7a3c')).toMatchObject({
      route: { name: 'getPost' },
      pathParameters: { id: '7a3c' },
    });
  });

  it('decodes path parameters and reports the allowed methods on a method mismatch', () => {
    expect(matcher.match('DELETE', '/api/users/sessions/a%20b')).toMatchObject({
      pathParameters: { id: 'a b' },
    });
    expect(matcher.match('PATCH', '/api/posts')).toEqual({
      kind: 'method-not-allowed',
      allow: ['GET', 'POST'],
    });
    expect(matcher.match('GET', '/api/nope')).toEqual({ kind: 'not-found' });
  });

  it('never throws on arbitrary paths', () => {
    fc.assert(
      fc.property(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'), fc.string(), (method, tail) => {
        const result = matcher.match(method, `/api/${tail}`);
        expect(['route', 'not-found', 'method-not-allowed']).toContain(result.kind);
      }),
      { numRuns: 2000 },
    );
  });
});
