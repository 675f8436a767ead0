import type { Clock, KeyValue } from '../ports';

/**
 * Slows password guessing without handing an attacker a way to lock the owner out.
 *
 * - Per account + address pair: `freeAttempts` failures in the window, then each further
 *   attempt from that address waits an exponentially growing delay (1 s, 2 s, 4 s ... capped
 *   at `maxDelaySeconds`). Guessing from one address never slows the owner at another.
 * - Per address: at most `maxFailuresPerIp` failures in the window across all accounts
 *   (credential stuffing).
 * - Per account: a much higher ceiling, `maxFailuresPerAccount`, across all addresses (a
 *   distributed attack). Past it, only addresses the account signed in from successfully in the
 *   last `familiarForSeconds` may still try, as the big identity providers do with "familiar
 *   locations": the owner's usual devices keep working while the attack goes on.
 *
 * Each attempt reserves its slot atomically (KeyValue `increment`, and `putIfAbsent` for the
 * one attempt a closed delay lets through) before the password hash is checked, so parallel
 * guesses get exactly what sequential ones would. A failure needs no second write: its reserved
 * slot is the failure. A success gives the slot back. Counters live in the KeyValue store
 * (DynamoDB in AWS); each window starts at its first attempt.
 */
export interface LoginThrottlePolicy {
  windowSeconds: number;
  freeAttempts: number;
  maxDelaySeconds: number;
  maxFailuresPerIp: number;
  maxFailuresPerAccount: number;
  familiarForSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  windowSeconds: 15 * 60,
  freeAttempts: 5,
  maxDelaySeconds: 15 * 60,
  maxFailuresPerIp: 50,
  maxFailuresPerAccount: 100,
  familiarForSeconds: 30 * 24 * 60 * 60,
};

export type LoginAttempt =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: 'pair' | 'address' | 'account' };

/**
 * The address as the throttle counts it. An IPv6 subscriber is usually given a whole /64, so
 * counting single IPv6 addresses would let one attacker rotate through billions of them;
 * IPv4-mapped IPv6 addresses count as their IPv4 address.
 */
export function throttledAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0');
  const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const pair = (email: string, ip: string) => `${email}#${ip}`;
const keys = (email: string, rawIp: string) => {
  const ip = throttledAddress(rawIp);
  return {
    /** Attempts from this address at this account since its last success. */
    pair: { pk: 'login#pair', sk: pair(email, ip) },
    /** Attempts past the free ones this address was let through: the delay doubles with each. */
    level: { pk: 'login#level', sk: pair(email, ip) },
    /** Present while this address must wait before its next attempt at this account. */
    gate: { pk: 'login#gate', sk: pair(email, ip) },
    address: { pk: 'login#ip', sk: ip },
    account: { pk: 'login#account', sk: email },
    /** This address signed in to this account successfully. */
    familiar: { pk: 'login#familiar', sk: pair(email, ip) },
  };
};

export class LoginThrottle {
  constructor(
    private readonly kv: KeyValue,
    private readonly clock: Clock,
    private readonly policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE,
  ) {}

  /**
   * Reserves this attempt, or says how long to wait. Call before checking the password; on a
   * correct password call `succeeded`.
   */
  async begin(email: string, ip: string): Promise<LoginAttempt> {
    const k = keys(email, ip);
    // A closed delay refuses without writing anything (the common case under attack).
    const gate = await this.kv.get(k.gate.pk, k.gate.sk);
    if (gate) return { allowed: false, reason: 'pair', retryAfterSeconds: this.secondsUntil(gate.expiresAt) };

    const [pairCount, addressCount, accountCount] = await Promise.all([
      this.count(k.pair, 1),
      this.count(k.address, 1),
      this.count(k.account, 1),
    ]);
    const refuse = async (reason: 'pair' | 'address' | 'account', key: { pk: string; sk: string }) => {
      // Give the slots back: a refused attempt checked nothing, so it is not a failure.
      await this.giveBack(email, ip);
      const item = await this.kv.get(key.pk, key.sk);
      return { allowed: false as const, reason, retryAfterSeconds: this.secondsUntil(item?.expiresAt) };
    };

    if (addressCount > this.policy.maxFailuresPerIp) return refuse('address', k.address);
    if (
      accountCount > this.policy.maxFailuresPerAccount &&
      !(await this.kv.get(k.familiar.pk, k.familiar.sk))
    )
      return refuse('account', k.account);
    if (pairCount >= this.policy.freeAttempts) {
      // From the last free attempt on, each attempt must close the gate behind it; of parallel
      // attempts only the one that closes it goes ahead. It closes it for the longest delay
      // first (a crash right here errs on the safe side), then for the delay its rank earns:
      // counted by `level`, since `pairCount` includes parallel attempts about to give back.
      const closed = await this.kv.putIfAbsent({
        ...k.gate,
        value: true,
        expiresAt: this.after(this.policy.maxDelaySeconds),
      });
      if (!closed) return refuse('pair', k.gate);
      const level = await this.count(k.level, 1);
      const delay = Math.min(this.policy.maxDelaySeconds, 2 ** (level - 1));
      await this.kv.put({ ...k.gate, value: true, expiresAt: this.after(delay) });
    }
    return { allowed: true };
  }

  /**
   * The password was right: this address starts afresh at this account and is remembered as
   * familiar; the address and account counters get this attempt's slot back.
   */
  async succeeded(email: string, ip: string): Promise<void> {
    const k = keys(email, ip);
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    await Promise.all([
      this.kv.delete(k.pair.pk, k.pair.sk),
      this.kv.delete(k.gate.pk, k.gate.sk),
      this.kv.delete(k.level.pk, k.level.sk),
      this.count(k.address, -1),
      this.count(k.account, -1),
      this.kv.put({ ...k.familiar, value: true, expiresAt: nowSeconds + this.policy.familiarForSeconds }),
    ]);
  }

  private async giveBack(email: string, ip: string): Promise<void> {
    const k = keys(email, ip);
    await Promise.all([this.count(k.pair, -1), this.count(k.address, -1), this.count(k.account, -1)]);
  }

  /** Adds to a counter whose window starts now if it has none running. */
  private count(key: { pk: string; sk: string }, by: 1 | -1): Promise<number> {
    const windowEnd = Math.floor(this.clock.now().getTime() / 1000) + this.policy.windowSeconds;
    return this.kv.increment(key.pk, key.sk, by, windowEnd);
  }

  /** Expiry `seconds` from now, rounded up so a wait is never shorter than promised. */
  private after(seconds: number): number {
    return Math.ceil((this.clock.now().getTime() + seconds * 1000) / 1000);
  }

  private secondsUntil(expiresAt: number | undefined): number {
    const nowMs = this.clock.now().getTime();
    return Math.max(1, Math.ceil(((expiresAt ?? 0) * 1000 - nowMs) / 1000));
  }
}
