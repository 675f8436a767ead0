import { MARK } from './social-text';

/** A set of the space-separated words in `list`. */
const wordSet = (list: string) => new Set(list.split(' '));

/**
 * How a word's lexicon weight changes with the words around it, as the `sentiment` package's
 * scoring strategy (`apply(tokens, cursor, weight)`, called for each lexicon word). Rules from
 * VADER (Hutto & Gilbert 2014), which the AFINN package lacks: negation up to three words back
 * within the clause (x -0.75), boosters and dampeners, capitals, and "but" shifting the weight
 * to what follows it (x 0.5 before, x 1.5 after). Ours for brand talk: scare-quoted praise and
 * praise in a text with a sarcasm cue count as mild blame, and a lone "Great." after a
 * complaint is sarcasm.
 */
const NEGATORS = wordSet(
  `not no never without nothing nobody none neither nor cannot can't cant don't dont doesn't doesnt ` +
    `didn't didnt isn't isnt wasn't wasnt aren't arent weren't werent won't wont wouldn't wouldnt ` +
    `couldn't couldnt shouldn't shouldnt haven't havent hasn't hasnt hadn't hadnt ain't aint hardly ` +
    `barely`,
);
const BOOSTERS = wordSet(
  `very so really super extremely totally absolutely incredibly insanely genuinely truly utterly ` +
    `completely seriously highly way too most such painfully ridiculously unbelievably hugely ` +
    `massively`,
);
const DAMPENERS = wordSet(`slightly somewhat kinda kind-of fairly bit little mildly`);
// Words negation looks through (not a single problem, never had a problem).
const SEE_THROUGH = wordSet(
  `a an the any single my your our their one be been had have that this of too very so really much ` +
    `more as`,
);
const CONTRAST = wordSet(`but however although yet`);
const MARKERS = new Set<string>([MARK.caps, MARK.quoted, MARK.sarcasm]);

const NEGATION_FACTOR = -0.75;
const BOOST = 1.3;
const DAMPEN = 0.6;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** Praise read as sarcasm counts as blame of half its weight. */
const SARCASM_FACTOR = -0.5;

/** Words the rules themselves know, so the reader does not mangle them (sooo -> so). */
export const RULE_WORDS: ReadonlySet<string> = new Set([...NEGATORS, ...BOOSTERS, ...DAMPENERS, ...CONTRAST]);

const isFace = (token: string) => token.startsWith('emoticon-') || /\p{Extended_Pictographic}/u.test(token);

/** The words before `cursor` in its clause, nearest first, markers skipped. */
function wordsBefore(tokens: readonly string[], cursor: number): string[] {
  const words: string[] = [];
  for (let i = cursor - 1; i >= 0; i -= 1) {
    const token = tokens[i]!;
    if (token === MARK.clause || token === MARK.sentence) break;
    if (!MARKERS.has(token)) words.push(token);
  }
  return words;
}

function isNegated(before: readonly string[]): boolean {
  let counted = 0;
  for (const word of before) {
    if (NEGATORS.has(word)) return true;
    if (!SEE_THROUGH.has(word)) counted += 1;
    if (counted >= 3) return false;
  }
  return false;
}

/** The sentence around `cursor` holds only this word (and markers): "Great." */
function standsAlone(tokens: readonly string[], cursor: number): boolean {
  const isWord = (t: string) => !MARKERS.has(t) && t !== MARK.clause && t !== MARK.sentence;
  for (let i = cursor - 1; i >= 0 && tokens[i] !== MARK.sentence; i -= 1)
    if (isWord(tokens[i]!)) return false;
  for (let i = cursor + 1; i < tokens.length && tokens[i] !== MARK.sentence; i += 1)
    if (isWord(tokens[i]!)) return false;
  return true;
}

/**
 * The scoring strategy for a lexicon `weights` (needed to see an earlier complaint). The
 * package walks the tokens from the last to the first and calls `apply` for each lexicon word.
 */
export function valenceRules(weights: Readonly<Record<string, number>>) {
  return {
    apply(tokens: string[], cursor: number, weight: number): number {
      let value = weight;
      // An emoji or emoticon says how the writer feels whatever words stand before it.
      if (isFace(tokens[cursor]!))
        return tokens[0] === MARK.sarcasm && value > 0 ? value * SARCASM_FACTOR : value;
      const before = wordsBefore(tokens, cursor);
      if (isNegated(before)) value *= NEGATION_FACTOR;
      const previous = before[0];
      if (previous !== undefined && BOOSTERS.has(previous)) value *= BOOST;
      if (previous !== undefined && DAMPENERS.has(previous)) value *= DAMPEN;
      if (tokens[cursor - 1] === MARK.caps) value *= BOOST;
      const contrastBefore = tokens.slice(0, cursor).some((t) => CONTRAST.has(t));
      const contrastAfter = tokens.slice(cursor + 1).some((t) => CONTRAST.has(t));
      if (contrastAfter && !contrastBefore) value *= BEFORE_CONTRAST;
      if (contrastBefore) value *= AFTER_CONTRAST;
      if (value > 0) {
        const ironic =
          tokens[0] === MARK.sarcasm ||
          tokens[cursor - 1] === MARK.quoted ||
          (tokens[cursor - 2] === MARK.quoted && tokens[cursor - 1] === MARK.caps) ||
          (standsAlone(tokens, cursor) && tokens.slice(0, cursor).some((t) => (weights[t] ?? 0) < 0));
        if (ironic) value *= SARCASM_FACTOR;
      }
      return value;
    },
  };
}
