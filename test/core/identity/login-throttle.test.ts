import { describe, expect, it } from 'vitest';
import { ManualClock, MemoryKeyValue } from '../../../functions/adapters/local';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle } from '../../../functions/core/identity/login-throttle';

describe('LoginThrottle', () => {
  it('lets the free attempts through, then doubles the wait per failure, and forgets on success', async () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const throttle = new LoginThrottle(new MemoryKeyValue(clock), clock);
    for (let i = 0; i < DEFAULT_LOGIN_THROTTLE.freeAttempts; i += 1) {
      expect(await throttle.retryAfter('a@x.test', '1.1.1.1')).toBe(0);
      await throttle.recordFailure('a@x.test', '1.1.1.1');
    }
    expect(await throttle.retryAfter('a@x.test', '1.1.1.1')).toBe(1);
    await throttle.recordFailure('a@x.test', '1.1.1.1');
    expect(await throttle.retryAfter('a@x.test', '1.1.1.1')).toBe(2);
    expect(await throttle.retryAfter('b@x.test', '2.2.2.2')).toBe(0); // other accounts unaffected
    clock.advance(2_000);
    expect(await throttle.retryAfter('a@x.test', '1.1.1.1')).toBe(0);
    await throttle.recordSuccess('a@x.test');
    await throttle.recordFailure('a@x.test', '1.1.1.1');
    expect(await throttle.retryAfter('a@x.test', '1.1.1.1')).toBe(0);
  });

  it('caps failures per IP across accounts (credential stuffing) until the window ends', async () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const throttle = new LoginThrottle(new MemoryKeyValue(clock), clock, {
      ...DEFAULT_LOGIN_THROTTLE,
      maxFailuresPerIp: 3,
    });
    for (const email of ['a@x.test', 'b@x.test', 'c@x.test']) await throttle.recordFailure(email, '9.9.9.9');
    expect(await throttle.retryAfter('fresh@x.test', '9.9.9.9')).toBeGreaterThan(0);
    expect(await throttle.retryAfter('fresh@x.test', '8.8.8.8')).toBe(0);
    clock.advance(DEFAULT_LOGIN_THROTTLE.windowSeconds * 1000 + 1000);
    expect(await throttle.retryAfter('fresh@x.test', '9.9.9.9')).toBe(0);
  });
});
