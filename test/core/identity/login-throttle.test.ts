import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoKeyValue, createDocumentClient } from '../../../functions/adapters/aws/dynamo-key-value';
import { ManualClock, MemoryKeyValue } from '../../../functions/adapters/local';
import {
  DEFAULT_LOGIN_THROTTLE,
  LoginThrottle,
  throttledAddress,
  type LoginThrottlePolicy,
} from '../../../functions/core/identity/login-throttle';
import type { KeyValue } from '../../../functions/core/ports';
import { startDynalite } from '../../adapters/support/dynalite-server';

const TABLE = 'plume-login-throttle';
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
beforeAll(async () => {
  dynamo = await startDynalite(TABLE);
});
afterAll(async () => dynamo?.stop());

const STORES: Array<[string, (clock: ManualClock) => KeyValue]> = [
  ['MemoryKeyValue', (clock) => new MemoryKeyValue(clock)],
  [
    'DynamoKeyValue on dynalite',
    (clock) => new DynamoKeyValue(createDocumentClient(dynamo.client), TABLE, clock),
  ],
];

describe('throttledAddress', () => {
  it('counts IPv4 addresses as they are and IPv6 addresses by their /64', () => {
    expect(throttledAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(throttledAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(throttledAddress('2001:db8:85a3:1:abcd::1')).toBe('2001:db8:85a3:1::/64');
    expect(throttledAddress('2001:0DB8:85a3:0001:ffff:ffff:ffff:fffe')).toBe('2001:db8:85a3:1::/64');
    expect(throttledAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttledAddress('::1')).toBe('0:0:0:0::/64');
  });
});

describe.each(STORES)('LoginThrottle on %s', (_name, createStore) => {
  const setup = (policy: Partial<LoginThrottlePolicy> = {}) => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const throttle = new LoginThrottle(createStore(clock), clock, { ...DEFAULT_LOGIN_THROTTLE, ...policy });
    // Fresh names per test: the dynalite table is shared by the whole file.
    const email = `${randomUUID()}@x.test`;
    /** One sign-in as the login operation makes it: reserve, then check the password. */
    const signIn = async (ip: string, correct = false, who = email) => {
      const attempt = await throttle.begin(who, ip);
      if (attempt.allowed && correct) await throttle.succeeded(who, ip);
      return attempt;
    };
    /** How many of `n` parallel wrong guesses were let through to the password check. */
    const parallelGuesses = async (n: number, ip: string) =>
      (await Promise.all(Array.from({ length: n }, () => signIn(ip)))).filter((a) => a.allowed).length;
    return { clock, throttle, email, signIn, parallelGuesses };
  };

  it('lets the free attempts through, then doubles the wait per failure, and forgets on success', async () => {
    const { clock, signIn } = setup();
    for (let i = 0; i < DEFAULT_LOGIN_THROTTLE.freeAttempts; i += 1)
      expect((await signIn('1.1.1.1')).allowed).toBe(true);
    expect(await signIn('1.1.1.1')).toEqual({ allowed: false, reason: 'pair', retryAfterSeconds: 1 });
    clock.advance(1_000);
    expect((await signIn('1.1.1.1')).allowed).toBe(true);
    expect(await signIn('1.1.1.1')).toMatchObject({ allowed: false, retryAfterSeconds: 2 });
    clock.advance(2_000);
    expect((await signIn('1.1.1.1', true)).allowed).toBe(true); // the right password
    for (let i = 0; i < DEFAULT_LOGIN_THROTTLE.freeAttempts; i += 1)
      expect((await signIn('1.1.1.1')).allowed).toBe(true);
  });

  it('checks exactly the free attempts of 30 parallel guesses, then exactly one per opened delay', async () => {
    const { clock, parallelGuesses, signIn } = setup();
    expect(await parallelGuesses(30, '6.6.6.6')).toBe(DEFAULT_LOGIN_THROTTLE.freeAttempts);
    // Refused guesses checked nothing, so they did not count as failures: the next delay is
    // the first one (1 s), exactly as after five sequential failures.
    expect(await signIn('6.6.6.6')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1_000);
    expect(await parallelGuesses(30, '6.6.6.6')).toBe(1);
    clock.advance(2_000);
    expect(await parallelGuesses(30, '6.6.6.6')).toBe(1);
  });

  it('never slows the owner at another address, however hard one address guesses', async () => {
    const { parallelGuesses, signIn } = setup();
    await parallelGuesses(30, '6.6.6.6');
    for (let i = 0; i < 3; i += 1) await parallelGuesses(30, '6.6.6.6');
    expect((await signIn('6.6.6.6')).allowed).toBe(false);
    expect(await signIn('2.2.2.2', true)).toEqual({ allowed: true });
  });

  it('counts an IPv6 attacker rotating through their /64 as one address', async () => {
    const { parallelGuesses, signIn } = setup();
    const rotating = Array.from({ length: 30 }, (_, i) => signIn(`2001:db8:1:2::${(i + 1).toString(16)}`));
    expect((await Promise.all(rotating)).filter((a) => a.allowed)).toHaveLength(
      DEFAULT_LOGIN_THROTTLE.freeAttempts,
    );
    expect(await parallelGuesses(5, '2001:db8:1:3::1')).toBe(5); // the next /64 is someone else
  });

  it('caps failures per address across accounts, atomically, until the window ends', async () => {
    const { clock, signIn } = setup({ maxFailuresPerIp: 50 });
    // Credential stuffing: 80 different accounts at once from one address.
    const attempts = await Promise.all(
      Array.from({ length: 80 }, () => signIn('9.9.9.9', false, `${randomUUID()}@x.test`)),
    );
    expect(attempts.filter((a) => a.allowed)).toHaveLength(50);
    expect(attempts.find((a) => !a.allowed)).toMatchObject({ reason: 'address' });
    expect((await signIn('8.8.8.8', false, 'fresh@x.test')).allowed).toBe(true);
    clock.advance(DEFAULT_LOGIN_THROTTLE.windowSeconds * 1000 + 1000);
    expect((await signIn('9.9.9.9', false, `${randomUUID()}@x.test`)).allowed).toBe(true);
  });

  it('gives back the address’s slot on success, so a busy office is not capped by its own sign-ins', async () => {
    const { signIn } = setup({ maxFailuresPerIp: 3 });
    for (let i = 0; i < 10; i += 1)
      expect((await signIn('10.0.0.1', true, `${randomUUID()}@x.test`)).allowed).toBe(true);
  });

  it('past the per-account ceiling lets only familiar addresses try, so the owner keeps signing in', async () => {
    const { clock, email, signIn } = setup({ maxFailuresPerAccount: 12 });
    expect((await signIn('203.0.113.7', true)).allowed).toBe(true); // the owner's usual address
    // A distributed attack: many addresses, each within its own free attempts.
    const addresses = Array.from({ length: 6 }, (_, i) => `198.51.100.${i + 1}`);
    const attempts = await Promise.all(addresses.flatMap((ip) => [1, 2, 3].map(() => signIn(ip))));
    expect(attempts.filter((a) => a.allowed)).toHaveLength(12);
    expect(await signIn('198.51.100.99')).toMatchObject({ allowed: false, reason: 'account' });
    // The owner at a familiar address is not locked out, wrong password or right.
    expect((await signIn('203.0.113.7')).allowed).toBe(true);
    expect((await signIn('203.0.113.7', true)).allowed).toBe(true);
    clock.advance(DEFAULT_LOGIN_THROTTLE.windowSeconds * 1000 + 1000);
    expect((await signIn('198.51.100.99', false, email)).allowed).toBe(true);
  });
});
