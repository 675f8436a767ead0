import type { Embedder } from '../../core/ports';

/**
 * Words too common to say what a post is about (English, the Sandbox's and most seeds'
 * language); left out so two posts do not look alike for sharing "the" and "our".
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can do does for from had has have he her his how i if in into is it its ' +
    'just me more most my no not of on or our ours out so some than that the their them then there these they ' +
    'this those to too up us was we were what when where which who why will with you your yours all any about ' +
    'also after again very get got new now one only over own same here let lets s t don amp via rt'
  ).split(' '),
);

const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
const MENTION = /(^|\s)@[\w.]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case, accents off, links and @handles dropped; hashtags count as their words. */
function wordsOf(text: string): string[] {
  const plain = text
    .replace(URL, ' ')
    .replace(MENTION, ' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  return [...plain.matchAll(WORD)]
    .map((match) => match[0])
    .filter((word) => !STOP_WORDS.has(word))
    .map((word) =>
      word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
}

/** FNV-1a, 32 bits: fast, stable across runs and machines (the vectors are stored). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** What each kind of feature weighs: a shared word says most, a shared trigram least. */
const WEIGHTS = { word: 1, bigram: 0.6, trigram: 0.15 } as const;

/**
 * The offline embedder: feature hashing of a text's words, word pairs and character trigrams
 * (so "bake", "baker" and "bakery" share something) into `dimensions` signed buckets,
 * sublinear in repeats, scaled to unit length. No download, no network, the same vector for
 * the same text everywhere. It is lexical, not semantic: "dog" and "puppy" share nothing
 * here, where Titan would place them near each other.
 */
export class HashingEmbedder implements Embedder {
  readonly provider = 'local' as const;
  readonly model = 'plume-hashing-v1';

  /**
   * 1024 buckets: at 512, an unrelated short brief scored up to 0.2 against the labelled set's
   * posts from collisions alone; at 1024 at most 0.11 (test/bench/agents-memory).
   */
  constructor(readonly dimensions = 1024) {}

  async embed(texts: readonly string[]): Promise<number[][]> {
    return texts.map((text) => this.vectorOf(text));
  }

  vectorOf(text: string): number[] {
    const counts = new Map<string, number>();
    const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
    const words = wordsOf(text);
    words.forEach((word, index) => {
      add(`w:${word}`, WEIGHTS.word);
      if (index > 0) add(`b:${words[index - 1]} ${word}`, WEIGHTS.bigram);
      const padded = `<${word}>`;
      for (let i = 0; i + 3 <= padded.length; i += 1) add(`c:${padded.slice(i, i + 3)}`, WEIGHTS.trigram);
    });
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const [feature, weight] of counts) {
      const hash = fnv1a(feature);
      // A sign from another bit of the hash, so colliding features cancel out on average.
      const sign = hash & 0x80000000 ? -1 : 1;
      // Repeats count less than new words: 1 + ln(n) in units of the feature's weight.
      const unit = WEIGHTS[feature[0] === 'w' ? 'word' : feature[0] === 'b' ? 'bigram' : 'trigram'];
      vector[hash % this.dimensions]! += sign * unit * (1 + Math.log(weight / unit));
    }
    let squares = 0;
    for (const value of vector) squares += value * value;
    const norm = Math.sqrt(squares);
    return norm > 0 ? vector.map((value) => value / norm) : vector;
  }
}
