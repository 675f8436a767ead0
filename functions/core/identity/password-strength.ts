import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

let checker: Promise<ZxcvbnFactory> | undefined;
function strengthChecker(): Promise<ZxcvbnFactory> {
  // Imported on first use, not at module scope: the dictionaries are megabytes, and every
  // cold start of the auth and organizations Lambdas would pay for them though few requests
  // (register, reset, accept) ever judge a new password.
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    });
  })();
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
