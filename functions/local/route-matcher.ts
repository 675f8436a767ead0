import { ROUTES, routeKey, type RouteDefinition } from '../shared/route-table';

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  params: string[];
  staticSegments: number;
}

export type RouteMatch =
  | { kind: 'route'; route: RouteDefinition; routeKey: string; pathParameters: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

function compile(route: RouteDefinition): CompiledRoute {
  const params: string[] = [];
  const segments = route.path.split('/').filter(Boolean);
  const source = segments
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param) {
        params.push(param[1] as string);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return {
    route,
    pattern: new RegExp(`^/${source}/?$`),
    params,
    staticSegments: segments.length - params.length,
  };
}

/**
 * Matches a request the way API Gateway HTTP APIs do: the most specific route wins, so
 * `/api/posts/calendar` beats `/api/posts/{id}`. Path parameters are URL-decoded.
 */
export class RouteMatcher {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteDefinition[] = ROUTES) {
    this.compiled = routes.map(compile).sort((a, b) => b.staticSegments - a.staticSegments);
  }

  match(method: string, path: string): RouteMatch {
    const allow = new Set<string>();
    for (const candidate of this.compiled) {
      const found = candidate.pattern.exec(path);
      if (!found) continue;
      if (candidate.route.method !== method) {
        allow.add(candidate.route.method);
        continue;
      }
      const pathParameters: Record<string, string> = {};
      try {
        candidate.params.forEach((name, index) => {
          pathParameters[name] = decodeURIComponent(found[index + 1] as string);
        });
      } catch {
        return { kind: 'not-found' };
      }
      return { kind: 'route', route: candidate.route, routeKey: routeKey(candidate.route), pathParameters };
    }
    return allow.size > 0 ? { kind: 'method-not-allowed', allow: [...allow] } : { kind: 'not-found' };
  }
}
