import type { Clock, KeyValue } from '../ports';

export interface RateLimitRule {
  /** Names the limit in keys and headers, e.g. `auth` or `api`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/**
 * Fixed-window counter per rule and caller (user, API key or IP) in the KeyValue store: one
 * atomic increment per request, so it holds across Lambda instances.
 */
export async function checkRateLimit(
  kv: KeyValue,
  clock: Clock,
  rule: RateLimitRule,
  caller: string,
): Promise<RateLimitDecision> {
  const nowSeconds = Math.floor(clock.now().getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
  const resetAt = windowStart + rule.windowSeconds;
  const count = await kv.increment(`rate#${rule.name}`, `${caller}#${windowStart}`, 1, resetAt);
  return {
    allowed: count <= rule.limit,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - count),
    resetSeconds: Math.max(1, resetAt - nowSeconds),
  };
}

/** The IETF draft's fields (RateLimit-Limit / -Remaining / -Reset), plus Retry-After on refusal. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(decision.resetSeconds),
    ...(decision.allowed ? {} : { 'retry-after': String(decision.resetSeconds) }),
  };
}
