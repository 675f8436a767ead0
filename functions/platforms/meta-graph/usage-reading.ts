import type { ConnectorContext, Platform, RateLimitReading } from '../connector';
import { readRateLimit, tighterRateLimit } from '../rate-limit-headers';

/**
 * Collects the usage headers of several Graph calls that make one account reading, keeping the
 * tightest (`onHeaders` goes into each `graphRequest`).
 */
export function usageReading(context: ConnectorContext, platform: Platform) {
  let reading: RateLimitReading | undefined;
  return {
    onHeaders(headers: Headers): void {
      reading = tighterRateLimit(reading, readRateLimit(platform, headers, context.clock.now()));
    },
    get current(): RateLimitReading | undefined {
      return reading;
    },
  };
}
