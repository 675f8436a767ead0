import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

let checker: ZxcvbnFactory | undefined;
function strengthChecker(): ZxcvbnFactory {
  // Built on first use: the dictionaries are large and most requests never need them.
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
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
  const result = await strengthChecker().checkAsync(password, [...new Set(words)]);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return `This password is too easy to guess.${advice ? ` ${advice}` : ' Try a longer phrase of unrelated words.'}`;
}
