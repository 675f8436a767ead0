import { BRAND_PHRASES } from './brand-lexicon';

/**
 * Markers the reader puts among the words for the valence rules (valence-rules.ts). They are
 * made of characters the `sentiment` package's tokenizer keeps, so its tokens are ours.
 */
export const MARK = {
  /** The next word was written in capitals in a text that is not all capitals. */
  caps: '[caps]',
  /** The next word stood alone in quotes: 'premium', "smart". */
  quoted: '[quoted]',
  /** First token when the text carries a sarcasm cue (🙄, "yeah right", "love that for me"). */
  sarcasm: '[sarcasm]',
  /** End of a clause (comma, colon, dash): negation does not reach across it. */
  clause: '|',
  /** End of a sentence. */
  sentence: '||',
} as const;

export interface SocialText {
  /** Lower-cased words, emoji and markers, in order, ready for the lexicon. */
  tokens: string[];
  /** Exclamation marks in the text (emphasis). */
  exclamations: number;
  /** Letters in a Latin script, against all letters: the English lexicon reads only the former. */
  latinShare: number;
  /** Nothing left to read once links, handles and punctuation are gone. */
  empty: boolean;
}

const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/gu;
const HANDLE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu;
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
// An emoji with its modifiers and joined parts, as one token; variation selectors dropped.
const EMOJI = /\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*/gu;
const EMOTICONS: ReadonlyArray<[RegExp, string]> = [
  [/(^|\s)(?:<3)+(?=\s|$)/g, 'emoticon-heart'],
  [/(^|\s)(?:[:;=]-?[)\]]|\(-?[:;=])+(?=\s|$|[.,!?])/g, 'emoticon-smile'],
  [/(^|\s)(?:[:;=]-?d|x-?d)+(?=\s|$|[.,!?])/gi, 'emoticon-laugh'],
  [/(^|\s)(?::'-?\(|;-?\()+(?=\s|$|[.,!?])/g, 'emoticon-cry'],
  [/(^|\s)(?:[:=]-?[([/\\])+(?=\s|$|[.,!?])/g, 'emoticon-frown'],
];
const SARCASM_CUES =
  /🙄|🙃|\/s\b|\byeah,? right\b|\bjust what (?:i|we) needed\b|\blove that for (?:me|us)\b|\boh,? (?:great|lovely|wonderful|perfect|brilliant)\b|\bperfect timing\b|\bclearly not\b|\bwhat a surprise\b/iu;
// A single word in quotes, as in scare quotes: the 'premium' headphones.
const QUOTED_WORD = /(^|\s)['"]([\p{L}-]+)['"](?=[\s.,!?;:]|$)/gu;
// "like" as a preposition (sounds like a jet engine) is not liking anything.
const LIKE_AS_PREPOSITION =
  /\b(?:sounds |looks |feels |smells |tastes )?like (?=a |an |the |it's |its |it is )|(?<=\bwhat(?:'s| is| are) [\w' ]{1,40}?)\blike\b/g;
// Characters the package's tokenizer would strip: removed from our tokens so its tokens match.
const PACKAGE_STRIPS = /[.,/#!?$%^&*;:{}=_`"~()]/g;

/** Splits a hashtag into words at capitals (#NeverAgain -> never again); #fail stays fail. */
function hashtagWords(tag: string): string {
  return tag.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2').replace(/_/g, ' ');
}

function isShouted(word: string, textHasLowercase: boolean): boolean {
  return textHasLowercase && /^\p{Lu}{2,}$/u.test(word);
}

/**
 * A word stretched for emphasis (sooo, gooood, loooove) as the lexicon spells it: letters
 * repeated three times or more become two (good) or, when that is no known word, one (so).
 */
export function collapseElongation(word: string, isKnown: (word: string) => boolean): string {
  if (!/(\p{L})\1{2,}/u.test(word)) return word;
  const two = word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  if (isKnown(two)) return two;
  const one = word.replace(/(\p{L})\1{2,}/gu, '$1');
  return isKnown(one) ? one : two;
}

/**
 * Reads a social post for the lexicon: drops links, e-mail addresses and @handles (names, not
 * opinions), splits hashtags into words, turns emoticons into words, keeps emoji as tokens,
 * replaces brand-talk phrases by one token each, and marks capitals, scare quotes, sarcasm
 * cues and clause ends for the valence rules.
 */
export function readSocialText(text: string, isKnown: (word: string) => boolean = () => false): SocialText {
  let body = text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(URL, ' ')
    .replace(EMAIL, ' ')
    .replace(HANDLE, '$1 ')
    .replace(HASHTAG, (_, tag: string) => ` ${hashtagWords(tag)} `);
  const letters = body.match(/\p{L}/gu) ?? [];
  const latin = body.match(/\p{Script=Latin}/gu) ?? [];
  const exclamations = (body.match(/!/g) ?? []).length;
  const sarcasm = SARCASM_CUES.test(body);
  for (const [pattern, word] of EMOTICONS) body = body.replace(pattern, `$1 ${word} `);
  body = body.replace(
    EMOJI,
    (emoji) => ` ${emoji.replace(/\uFE0F/g, '').replace(/\p{Emoji_Modifier}/gu, '')} `,
  );
  body = body.replace(QUOTED_WORD, `$1${MARK.quoted} $2`);
  const hasLowercase = /\p{Ll}/u.test(body);
  // Capitals are marked before lower-casing; phrases are matched after.
  body = body.replace(/[\p{L}']+/gu, (word) =>
    isShouted(word, hasLowercase) ? `${MARK.caps} ${word}` : word,
  );
  body = body.toLowerCase().replace(LIKE_AS_PREPOSITION, '');
  for (const { pattern, token } of BRAND_PHRASES) body = body.replace(pattern, ` ${token} `);
  body = body
    .replace(/[.!?]+(?=\s|$)|\n+/g, ` ${MARK.sentence} `)
    .replace(/[,;:]|\s[-\u2013\u2014]+\s/g, ` ${MARK.clause} `);
  const tokens: string[] = sarcasm ? [MARK.sarcasm] : [];
  for (const raw of body.split(/\s+/)) {
    if (raw === MARK.sentence || raw === MARK.clause || raw === MARK.caps || raw === MARK.quoted) {
      tokens.push(raw);
      continue;
    }
    const token = collapseElongation(
      raw.replace(PACKAGE_STRIPS, '').replace(/^['\-[\]|]+|['\-[\]|]+$/g, ''),
      isKnown,
    );
    if (token) tokens.push(token);
  }
  const words = tokens.filter((t) => !Object.values(MARK).includes(t as never));
  return {
    tokens,
    exclamations,
    latinShare: letters.length === 0 ? 1 : latin.length / letters.length,
    empty: words.length === 0,
  };
}
