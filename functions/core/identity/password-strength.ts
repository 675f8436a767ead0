import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as PasswordChecker from './password-checker';

/** The file lib/password-checker.ts builds password-checker.ts into, beside a Lambda bundle. */
const CHECKER_FILE = './password-checker.mjs';

let checker: Promise<ZxcvbnFactory> | undefined;
function strengthChecker(): Promise<ZxcvbnFactory> {
  // Loaded on first use, not at module scope: the dictionaries are megabytes, and every cold
  // start of the auth and organizations Lambdas would pay for them though few requests
  // (register, reset, accept) ever judge a new password.
  checker ??= (async () => {
    // Set at build time (esbuild define) for the Lambdas that ship the checker beside their
    // bundle: the literal import below is then in a branch esbuild folds away, so it does not
    // bundle the dictionaries, and the computed import after it is left for run time.
    if (process.env.PLUME_PASSWORD_CHECKER !== 'beside-bundle') {
      const { createPasswordChecker } = await import('./password-checker');
      return createPasswordChecker();
    }
    const besideBundle = new URL(CHECKER_FILE, import.meta.url).href;
    const { createPasswordChecker } = (await import(besideBundle)) as typeof PasswordChecker;
    return createPasswordChecker();
  })().catch((error: unknown) => {
    checker = undefined;
    throw error;
  });
  return checker;
}

/** zxcvbn score 3 = "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Judges a new password against common-password and pattern dictionaries and the user's own
 * details (name, email, organization). Length limits are the schema's job (12..256).
 * Returns a message for the user, or undefined when the password is strong enough.
 */
export async function passwordStrengthProblem(
  password: string,
  userInputs: string[],
): Promise<string | undefined> {
  // "ada.lovelace@example.com" should also penalise "ada" and "lovelace" on their own.
  const words = userInputs
    .flatMap((input) => [input, ...input.toLowerCase().split(/[^\p{L}\p{N}]+/u)])
    .filter((w) => w.length >= 3);
  const result = await (await strengthChecker()).checkAsync(password, [...new Set(words)]);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return `This password is too easy to guess.${advice ? ` ${advice}` : ' Try a longer phrase of unrelated words.'}`;
}
