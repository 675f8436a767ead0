import type { Platform, RateLimitReading } from './connector';
import { graphUsage } from './meta-graph/usage-headers';

/**
 * The allowance left, read from an answer's rate-limit headers, in each network's own dialect:
 *
 * - X: `x-rate-limit-limit/remaining/reset`, reset in epoch seconds
 *   (https://docs.x.com/x-api/fundamentals/rate-limits);
 * - Mastodon: `X-RateLimit-Limit/Remaining/Reset`, reset an ISO 8601 time
 *   (https://docs.joinmastodon.org/api/rate-limits/);
 * - Bluesky PDS and AppView: `ratelimit-limit/remaining/reset`, reset in epoch seconds (the IETF
 *   ratelimit-headers draft as @atproto/xrpc-server sends it);
 * - Meta (Facebook, Instagram, Threads): `x-app-usage` / `x-business-use-case-usage` percentages;
 *   at 100 % the app is throttled for `estimated_time_to_regain_access` minutes (else an hour).
 *
 * Undefined when the answer carries none, so a network without headers is never "exhausted".
 */
export function readRateLimit(platform: Platform, headers: Headers, now: Date): RateLimitReading | undefined {
  switch (platform) {
    case 'twitter':
      return counted(headers, 'x-rate-limit', (reset) => epochSeconds(reset));
    case 'mastodon':
      return counted(headers, 'x-ratelimit', (reset) => {
        const at = Date.parse(reset);
        return Number.isNaN(at) ? undefined : new Date(at);
      });
    case 'bluesky':
      return counted(headers, 'ratelimit', (reset) => epochSeconds(reset));
    case 'facebook':
    case 'instagram':
    case 'threads':
      return metaUsage(headers, now);
    default:
      return undefined;
  }
}

function epochSeconds(value: string): Date | undefined {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}

function counted(
  headers: Headers,
  prefix: string,
  parseReset: (value: string) => Date | undefined,
): RateLimitReading | undefined {
  const remainingText = headers.get(`${prefix}-remaining`);
  if (remainingText === null) return undefined;
  const remaining = Number(remainingText);
  if (!Number.isFinite(remaining)) return undefined;
  const limitText = headers.get(`${prefix}-limit`);
  const limit = limitText === null ? undefined : Number(limitText);
  const resetText = headers.get(`${prefix}-reset`);
  const resetAt = resetText === null ? undefined : parseReset(resetText);
  return {
    remaining,
    ...(limit !== undefined && Number.isFinite(limit) ? { limit } : {}),
    ...(resetAt ? { resetAt } : {}),
    exhausted: remaining <= 0,
  };
}

/** Meta says how long a throttle lasts only sometimes; an hour is its usual rolling window. */
const META_DEFAULT_WAIT_SECONDS = 60 * 60;

function metaUsage(headers: Headers, now: Date): RateLimitReading | undefined {
  if (
    !headers.has('x-app-usage') &&
    !headers.has('x-business-use-case-usage') &&
    !headers.has('x-page-usage')
  )
    return undefined;
  const usage = graphUsage(headers);
  const exhausted = usage.percent >= 100;
  const wait = usage.regainAccessSeconds ?? (exhausted ? META_DEFAULT_WAIT_SECONDS : undefined);
  return {
    remaining: Math.max(0, 100 - usage.percent),
    limit: 100,
    ...(wait !== undefined ? { resetAt: new Date(now.getTime() + wait * 1000) } : {}),
    exhausted,
  };
}

/** The tighter of two readings (several calls make one account reading). */
export function tighterRateLimit(
  a: RateLimitReading | undefined,
  b: RateLimitReading | undefined,
): RateLimitReading | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.exhausted !== b.exhausted) return a.exhausted ? a : b;
  return (a.remaining ?? Infinity) <= (b.remaining ?? Infinity) ? a : b;
}
