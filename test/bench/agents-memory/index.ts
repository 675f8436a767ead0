import { termsOf } from '../../../functions/core/analytics/text-terms';
import { HashingEmbedder } from '../../../functions/adapters/local/hashing-embedder';
import { overlap } from '../../../functions/core/agents/content/past-performance';
import { cosine } from '../../../functions/core/agents/memory/cosine';
import {
  LABELLED_BRIEFS,
  LABELLED_POSTS,
  type LabelledBrief,
} from '../../fixtures/agent-memory/labelled-posts';
import type { Benchmark, BenchOptions, BenchResult } from '../benchmark';
import { percentileOfSorted, round2 } from '../stats';

/**
 * `agents-memory`: how well recall() finds the posts about a brief's topic on the labelled set
 * (48 posts, 6 topics, 24 briefs: 12 sharing words with their topic, 12 paraphrases), for the
 * local hashing embedder against the ranking the content creator used before memory (word
 * overlap with the brief, past-performance.ts) and a random order (exact expectation, not a
 * draw). Titan is not measured: it needs AWS. In-process, no database: the ranking is what is
 * judged; the database part is covered by test/core/agents/memory.
 */

const K = [1, 3, 5] as const;
const PER_TOPIC = 8;

type Ranker = (brief: string) => number[];

interface Scores {
  /** Share of the top k that are of the brief's topic (precision@k). */
  precision: Record<number, number>;
  /** Share of briefs with at least one post of their topic in the top k (hit rate@k). */
  hit: Record<number, number>;
}

function score(ranker: Ranker, briefs: readonly LabelledBrief[]): Scores {
  const precision: Record<number, number> = {};
  const hit: Record<number, number> = {};
  for (const k of K) {
    let onTopic = 0;
    let hits = 0;
    for (const brief of briefs) {
      const top = ranker(brief.brief).slice(0, k);
      const relevant = top.filter((index) => LABELLED_POSTS[index]!.topic === brief.topic).length;
      onTopic += relevant / k;
      hits += relevant > 0 ? 1 : 0;
    }
    precision[k] = onTopic / briefs.length;
    hit[k] = hits / briefs.length;
  }
  return { precision, hit };
}

/** A random order's expectation: precision@k = 8/48; hit@k = 1 - C(40,k)/C(48,k). */
function randomScores(): Scores {
  const n = LABELLED_POSTS.length;
  const miss = (k: number) => {
    let p = 1;
    for (let i = 0; i < k; i += 1) p *= (n - PER_TOPIC - i) / (n - i);
    return p;
  };
  return {
    precision: Object.fromEntries(K.map((k) => [k, PER_TOPIC / n])),
    hit: Object.fromEntries(K.map((k) => [k, 1 - miss(k)])),
  };
}

async function hashingRanker(dimensions: number): Promise<{ rank: Ranker; embedMsPerText: number }> {
  const embedder = new HashingEmbedder(dimensions);
  // The first pass warms the JIT; the second is timed.
  await embedder.embed(LABELLED_POSTS.map((post) => post.text));
  const started = performance.now();
  const vectors = await embedder.embed(LABELLED_POSTS.map((post) => post.text));
  const embedMsPerText = (performance.now() - started) / LABELLED_POSTS.length;
  return {
    embedMsPerText,
    rank: (brief) => {
      const query = embedder.vectorOf(brief);
      return vectors
        .map((vector, index) => ({ index, similarity: cosine(query, vector) }))
        .sort((a, b) => b.similarity - a.similarity || a.index - b.index)
        .map((entry) => entry.index);
    },
  };
}

/** What the content creator ranked by before memory (equal lifts): word overlap with the brief. */
const overlapRanker: Ranker = (brief) => {
  const briefTerms = termsOf(brief);
  return LABELLED_POSTS.map((post, index) => ({ index, score: overlap(briefTerms, termsOf(post.text)) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.index);
};

/** The highest similarity an unrelated brief reaches: the noise recall must stay above. */
async function noiseCeiling(dimensions: number): Promise<number> {
  const embedder = new HashingEmbedder(dimensions);
  const vectors = await embedder.embed(LABELLED_POSTS.map((post) => post.text));
  const unrelated = [
    'zzzz qqqq',
    'Quarterly tax filing deadline reminder',
    'Our quarterly board meeting minutes are published',
    'Server maintenance window tonight',
    'Read our privacy policy update',
    'Congratulations to the chess team on the regional title',
  ];
  return Math.max(
    ...unrelated.flatMap((brief) => vectors.map((vector) => cosine(embedder.vectorOf(brief), vector))),
  );
}

/** Microseconds to score one brief against 200 stored vectors (MAX_BEST_POSTS), in code. */
function recallMicros(dimensions: number, repeats: number): number {
  const embedder = new HashingEmbedder(dimensions);
  const stored = Array.from({ length: 200 }, (_, i) =>
    embedder.vectorOf(`${LABELLED_POSTS[i % 48]!.text} ${i}`),
  );
  const times: number[] = [];
  for (let r = 0; r < repeats; r += 1) {
    const started = performance.now();
    const query = embedder.vectorOf(LABELLED_BRIEFS[r % LABELLED_BRIEFS.length]!.brief);
    stored.map((vector) => cosine(query, vector)).sort((a, b) => b - a);
    times.push((performance.now() - started) * 1000);
  }
  return percentileOfSorted(
    times.sort((a, b) => a - b),
    50,
  );
}

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

export const agentsMemory: Benchmark = {
  name: 'agents-memory',
  summary: 'agent memory recall on a labelled set: local hashing embedder vs word overlap vs random',
  async run(options: BenchOptions): Promise<BenchResult> {
    const words = LABELLED_BRIEFS.filter((brief) => !brief.paraphrase);
    const paraphrases = LABELLED_BRIEFS.filter((brief) => brief.paraphrase);
    const hashing = await hashingRanker(1024);
    const hashing512 = await hashingRanker(512);
    const methods: Array<[string, (briefs: readonly LabelledBrief[]) => Scores]> = [
      ['local hashing embedder (1024)', (briefs) => score(hashing.rank, briefs)],
      ['local hashing embedder (512)', (briefs) => score(hashing512.rank, briefs)],
      ['word overlap (before memory)', (briefs) => score(overlapRanker, briefs)],
      ['random order (expected)', () => randomScores()],
    ];
    const rows: string[][] = [];
    const data: Record<string, Record<string, Scores>> = {};
    for (const [name, run] of methods) {
      data[name] = {};
      for (const [set, briefs] of [
        ['all 24', LABELLED_BRIEFS],
        ['12 sharing words', words],
        ['12 paraphrases', paraphrases],
      ] as const) {
        const result = run(briefs);
        data[name][set] = result;
        rows.push([
          name,
          set,
          ...K.map((k) => pct(result.precision[k]!)),
          ...K.map((k) => pct(result.hit[k]!)),
        ]);
      }
    }
    const noise1024 = await noiseCeiling(1024);
    const noise512 = await noiseCeiling(512);
    const micros = recallMicros(1024, options.quick ? 200 : 2000);
    return {
      tables: [
        {
          title:
            'Recall on the labelled set (share of top k on the brief’s topic; briefs with one in the top k)',
          columns: ['method', 'briefs', 'precision@1', '@3', '@5', 'hit@1', 'hit@3', 'hit@5'],
          rows,
        },
        {
          title: 'Local embedder: noise and cost',
          columns: ['figure', 'value'],
          rows: [
            ['highest similarity of an unrelated brief, 1024 buckets', round2(noise1024).toString()],
            ['the same, 512 buckets', round2(noise512).toString()],
            ['example bar (relevant-examples.ts)', '0.15'],
            ['embed one post (ms)', hashing.embedMsPerText.toFixed(3)],
            ['score a brief against 200 memories, p50 (µs)', micros.toFixed(0)],
          ],
        },
      ],
      notes: [
        'In-process, no database; the labelled set is test/fixtures/agent-memory/labelled-posts.ts (written for this bench and the memory tests).',
        'The local embedder is lexical: it matches shared words and word forms, not meaning; the paraphrase rows show what that costs. Titan (AWS) is not measured here.',
      ],
      findings: [],
      data: { methods: data, noise: { 1024: noise1024, 512: noise512 }, recallMicrosP50: micros },
    };
  },
};
