import { describe, expect, it } from 'vitest';
import {
  ARGON2_PARAMS,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../../functions/core/identity/password-hashing';
import { passwordStrengthProblem } from '../../../functions/core/identity/password-strength';

describe('password hashing', () => {
  it('hashes with Argon2id at OWASP parameters, salted, and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(
      new RegExp(`^\\$argon2id\\$v=19\\$m=${ARGON2_PARAMS.memorySize},t=${ARGON2_PARAMS.iterations},p=1\\$`),
    );
    expect(ARGON2_PARAMS.memorySize).toBeGreaterThanOrEqual(19_456);
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
    expect(needsRehash(hash)).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaA')).toBe(true);
  });

  it('refuses guessable passwords with advice and accepts a long passphrase', async () => {
    expect(await passwordStrengthProblem('password1234', [])).toMatch(/too easy to guess/);
    // Strong enough for a stranger, guessable for someone who knows the user's name.
    expect(await passwordStrengthProblem('lovelace2026!', [])).toBeUndefined();
    expect(
      await passwordStrengthProblem('lovelace2026!', ['ada.lovelace@example.com', 'Ada', 'Lovelace']),
    ).toBeDefined();
    expect(await passwordStrengthProblem('violet kettle orbit 93 sandstone', [])).toBeUndefined();
  });
});
