import type { Clock, KeyValue } from '../ports';

/**
 * Slows password guessing without letting an attacker lock people out for long:
 * - per account: after `freeAttempts` failures in the window, each further attempt must wait
 *   an exponentially growing delay (1 s, 2 s, 4 s ... capped at `maxDelaySeconds`);
 * - per IP: a hard cap of failures per window across all accounts (credential stuffing).
 * Counters live in the KeyValue store (DynamoDB in AWS) with a TTL of the window.
 */
export interface LoginThrottlePolicy {
  windowSeconds: number;
  freeAttempts: number;
  maxDelaySeconds: number;
  maxFailuresPerIp: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  windowSeconds: 15 * 60,
  freeAttempts: 5,
  maxDelaySeconds: 15 * 60,
  maxFailuresPerIp: 50,
};

interface FailureRecord {
  count: number;
  lastFailureAt: number;
}

const accountKey = (email: string) => ({ pk: 'login-fail#account', sk: email });
const ipKey = (ip: string) => ({ pk: 'login-fail#ip', sk: ip });

export class LoginThrottle {
  constructor(
    private readonly kv: KeyValue,
    private readonly clock: Clock,
    private readonly policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE,
  ) {}

  /** Seconds the caller must wait before trying again, or 0. */
  async retryAfter(email: string, ip: string): Promise<number> {
    const nowMs = this.clock.now().getTime();
    const ipFailures = await this.kv.get<FailureRecord>(ipKey(ip).pk, ipKey(ip).sk);
    if (ipFailures && ipFailures.value.count >= this.policy.maxFailuresPerIp) {
      return Math.max(1, (ipFailures.expiresAt ?? 0) - Math.floor(nowMs / 1000));
    }
    const account = await this.kv.get<FailureRecord>(accountKey(email).pk, accountKey(email).sk);
    if (!account || account.value.count < this.policy.freeAttempts) return 0;
    const excess = account.value.count - this.policy.freeAttempts;
    const delay = Math.min(this.policy.maxDelaySeconds, 2 ** excess);
    const readyAt = account.value.lastFailureAt + delay * 1000;
    return readyAt > nowMs ? Math.ceil((readyAt - nowMs) / 1000) : 0;
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const nowMs = this.clock.now().getTime();
    const expiresAt = Math.floor(nowMs / 1000) + this.policy.windowSeconds;
    for (const key of [accountKey(email), ipKey(ip)]) {
      const current = await this.kv.get<FailureRecord>(key.pk, key.sk);
      await this.kv.put<FailureRecord>({
        ...key,
        value: { count: (current?.value.count ?? 0) + 1, lastFailureAt: nowMs },
        expiresAt,
      });
    }
  }

  /** A successful login clears the account's failures (not the IP's). */
  async recordSuccess(email: string): Promise<void> {
    await this.kv.delete(accountKey(email).pk, accountKey(email).sk);
  }
}
