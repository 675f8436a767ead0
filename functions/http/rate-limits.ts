import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Container } from '../adapters/container';
import { checkRateLimit, rateLimitHeaders, type RateLimitRule } from '../core/identity/rate-limit';
import type { AuthContext } from './auth-context';
import { HttpProblem } from './problem';
import { clientIp } from './request-origin';
import type { RouteDefinition } from '../shared/route-table';

/** Unauthenticated entry points that a bot would hammer: limited per IP. */
const PUBLIC_SENSITIVE: RateLimitRule = { name: 'auth', limit: 20, windowSeconds: 60 };
/** Anything that sends email: limited per IP, tighter. */
const SENDS_MAIL: RateLimitRule = { name: 'mail', limit: 5, windowSeconds: 300 };
/** Every authenticated call: per user or API key. */
const AUTHENTICATED: RateLimitRule = { name: 'api', limit: 600, windowSeconds: 60 };

const RULES_BY_ROUTE: Record<string, RateLimitRule> = {
  register: { ...PUBLIC_SENSITIVE, name: 'register', limit: 10 },
  login: { ...PUBLIC_SENSITIVE, name: 'login' },
  refreshSession: { name: 'refresh', limit: 60, windowSeconds: 60 },
  resetPassword: PUBLIC_SENSITIVE,
  verifyEmail: PUBLIC_SENSITIVE,
  getInvitation: PUBLIC_SENSITIVE,
  acceptInvitation: PUBLIC_SENSITIVE,
  forgotPassword: SENDS_MAIL,
  resendVerification: SENDS_MAIL,
  inviteMember: { name: 'invite', limit: 30, windowSeconds: 3600 },
  requestDataExport: { name: 'export', limit: 5, windowSeconds: 3600 },
};

/** Whether a route can answer 429: every call with a caller, and the public entry points above. */
export const isRateLimited = (route: Pick<RouteDefinition, 'name' | 'access'>): boolean =>
  route.name in RULES_BY_ROUTE || route.access !== 'public';

/**
 * Applies the route's rate limit and returns the RateLimit headers for the response; throws
 * 429 with Retry-After when over. Routes without a rule and without a caller are unlimited
 * here (webhooks are verified by signature instead).
 */
export async function enforceRateLimit(
  container: Container,
  route: RouteDefinition,
  event: APIGatewayProxyEventV2,
  auth: AuthContext | undefined,
): Promise<Record<string, string>> {
  const named = RULES_BY_ROUTE[route.name];
  if (!named && !auth) return {};
  const rule = named ?? { ...AUTHENTICATED, limit: container.env.API_RATE_LIMIT_PER_MINUTE };
  const caller = !named && auth ? (auth.apiKeyId ?? auth.userId) : clientIp(event);
  const decision = await checkRateLimit(container.kv, container.clock, rule, caller);
  const headers = rateLimitHeaders(decision);
  if (!decision.allowed) {
    throw new HttpProblem(
      429,
      'rate_limited',
      `Too many requests; try again in ${decision.resetSeconds} s.`,
      { headers },
    );
  }
  return headers;
}
