import { HOUR_MS } from '../../../functions/core/agents/crisis';
import { scoreSentiment } from '../../../functions/core/agents/sentiment';
import { SENTIMENT_LABELS } from '../../../functions/db/schema/listening';
import { readLabelledSet } from '../../core/agents/sentiment/labelled-set';
import type { Benchmark, BenchOptions, BenchResult, BenchTable, TargetCheck } from '../benchmark';
import {
  praiseBurst,
  raisedCrisis,
  replayDetector,
  replayNaive,
  type ReplayScore,
  type ReplaySpan,
} from './replay';
import { benchDatabase, seedMentions, type SeededMentions } from './seed';
import {
  byTag,
  calibration,
  LABELLERS,
  majorityOf,
  score,
  type Labelled,
  type Scored,
} from './sentiment-accuracy';

const NOW = new Date('2027-03-15T12:00:00Z');
const DAY_MS = 24 * HOUR_MS;
/** The detector needs 14 days of baseline and its 72-hour replay: judging starts after both. */
const WARM_UP_DAYS = 18;

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
const hours = (value: number | null) => (value === null ? 'missed' : `${value} h`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const METHODS = [
  'detector, generator labels',
  'detector, labels by scoreSentiment',
  'detector, no labels',
  'naive: hour > 2 x 7-day hourly mean',
  'naive: 3 h > 3 x mean and >= 5',
] as const;
type Method = (typeof METHODS)[number];

interface SeedResult {
  seed: string;
  perDay: number;
  mentions: number;
  crisisMentions: number;
  scores: Record<Method, ReplayScore>;
  praise: { detector: string; naive: boolean; sturdyNaive: boolean };
}

function replaySeed(org: SeededMentions): SeedResult {
  const span: ReplaySpan = {
    from: new Date(org.historyStart.getTime() + WARM_UP_DAYS * DAY_MS),
    to: org.shape.now,
    crisis: org.crisis,
  };
  const stored = org.mentions.map((m) => ({ at: m.at, label: m.label }));
  const scored = org.mentions.map((m) => ({ at: m.at, label: scoreSentiment(m.content).label }));
  const unlabelled = org.mentions.map((m) => ({ at: m.at, label: null }));
  const since = org.historyStart;
  // A viral moment for good reasons, 20 days before the crisis at noon UTC.
  const praiseAt = new Date(
    Math.floor((org.crisis.from.getTime() - 20 * DAY_MS) / DAY_MS) * DAY_MS + 12 * HOUR_MS,
  );
  return {
    seed: org.shape.seed,
    perDay: org.shape.mentionsPerDay,
    mentions: org.mentions.length,
    crisisMentions: org.truth.crisis!.mentions,
    scores: {
      'detector, generator labels': replayDetector(stored, span, since),
      'detector, labels by scoreSentiment': replayDetector(scored, span, since),
      'detector, no labels': replayDetector(unlabelled, span, since),
      'naive: hour > 2 x 7-day hourly mean': replayNaive(stored, span, 'doubleWeeklyMean'),
      'naive: 3 h > 3 x mean and >= 5': replayNaive(stored, span, 'tripleThreeHours'),
    },
    praise: raisedCrisis([...stored, ...praiseBurst(praiseAt)], praiseAt, since),
  };
}

function sentimentRows(name: string, rows: Labelled[]): { row: string[]; ours: Scored; majority: Scored } {
  const ours = score(rows, LABELLERS.ours);
  const afinn = score(rows, LABELLERS.afinnAlone);
  const majority = score(rows, majorityOf(rows));
  const cell = (s: Scored) => `${pct(s.accuracy)} / ${s.macroF1.toFixed(3)}`;
  return { row: [name, String(rows.length), cell(ours), cell(afinn), cell(majority)], ours, majority };
}

function confusionTable(title: string, sets: [string, Scored][]): BenchTable {
  return {
    title,
    columns: ['set', 'true label', '-> positive', '-> neutral', '-> negative', 'recall'],
    rows: sets.flatMap(([name, s]) =>
      SENTIMENT_LABELS.map((label) => {
        const row = s.confusion[label];
        const total = SENTIMENT_LABELS.reduce((n, p) => n + row[p], 0);
        return [
          name,
          label,
          String(row.positive),
          String(row.neutral),
          String(row.negative),
          pct(row[label] / total),
        ];
      }),
    ),
  };
}

/**
 * The crisis manager's core (issue 11): sentiment accuracy on the labelled sets shipped under
 * test/fixtures/sentiment and on the Sandbox mentions' own labels, and crisis detection on
 * Sandbox histories (real generator, several seeds and mention rates) replayed hour by hour as
 * the sweep runs: delay after the planted crisis, false alarms elsewhere, against naive rules.
 */
export const agentsCrisis: Benchmark = {
  name: 'agents-crisis',
  summary:
    'Crisis manager: sentiment accuracy (labelled sets, Sandbox) and crisis detection delay / false alarms on Sandbox histories vs naive rules',
  async run(options: BenchOptions): Promise<BenchResult> {
    const shapes = (
      options.quick
        ? [
            ['crisis-1', 4],
            ['crisis-2', 10],
          ]
        : [
            ['crisis-1', 4],
            ['crisis-2', 10],
            ['crisis-3', 2],
          ]
    ) as [string, number][];
    const months = options.quick ? 3 : 4;
    const handle = await benchDatabase(options.databaseUrl);
    const seeded: SeededMentions[] = [];
    const seedStarted = performance.now();
    try {
      for (const [seed, perDay] of shapes)
        seeded.push(
          await seedMentions(handle, {
            seed,
            // Handles are global on the Sandbox: a shared PostgreSQL gets this run's own.
            slug: options.databaseUrl ? `${seed}-${crypto.randomUUID().slice(0, 6)}` : seed,
            months,
            mentionsPerDay: perDay,
            now: NOW,
          }),
        );
    } finally {
      await handle.close();
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const replayStarted = performance.now();
    const results = seeded.map(replaySeed);
    const replaySeconds = (performance.now() - replayStarted) / 1000;
    const runs = results.reduce((n, r) => n + r.scores['detector, generator labels'].judgedHours, 0);

    // Sentiment.
    const shipped = readLabelledSet('brand-mentions');
    const holdout = readLabelledSet('holdout');
    const sandbox: Labelled[] = seeded.flatMap((org) =>
      org.mentions.map((m) => ({ text: m.content, label: m.label })),
    );
    const templates = new Set(sandbox.map((m) => m.text.replace(/@\S+/g, '@').replace(/Northwind/g, 'B')))
      .size;
    const sets = [
      sentimentRows('shipped set, all', shipped),
      sentimentRows(
        'shipped set, dev half (odd ids)',
        shipped.filter((r) => r.id % 2 === 1),
      ),
      sentimentRows(
        'shipped set, test half (even ids)',
        shipped.filter((r) => r.id % 2 === 0),
      ),
      sentimentRows('holdout (written before the brand lexicon)', holdout),
      sentimentRows(`Sandbox mentions, generator labels (${templates} distinct templates)`, sandbox),
    ];
    const scoredAll = sets[0]!;
    const scoredHoldout = sets[3]!;

    const pooled = (method: Method) => {
      const scores = results.map((r) => r.scores[method]);
      const delays = scores.map((s) => s.delayHours).filter((d): d is number => d !== null);
      const watch = scores.map((s) => s.watchDelayHours).filter((d): d is number => d !== null);
      const falseAlarms = scores.reduce((n, s) => n + s.falseAlarms, 0);
      const judged = scores.reduce((n, s) => n + s.judgedHours, 0);
      return {
        delays,
        watch,
        falseAlarms,
        per30: (falseAlarms / judged) * 720,
        found: delays.length,
        n: scores.length,
      };
    };
    const detector = pooled('detector, labels by scoreSentiment');
    const naive = pooled('naive: hour > 2 x 7-day hourly mean');

    const targets: TargetCheck[] = [
      {
        name: 'sentiment accuracy on the shipped labelled set',
        target: `> majority-class baseline (${pct(scoredAll.majority.accuracy)})`,
        measured: `${pct(scoredAll.ours.accuracy)} (holdout ${pct(scoredHoldout.ours.accuracy)})`,
        met:
          scoredAll.ours.accuracy > scoredAll.majority.accuracy &&
          scoredHoldout.ours.accuracy > scoredHoldout.majority.accuracy,
      },
      {
        name: 'crisis detection delay on Sandbox histories (labels by scoreSentiment)',
        target: 'every planted crisis found, fewer false alarms than the naive rule',
        measured: `${detector.found}/${detector.n} found, median ${median(detector.delays)} h; ${detector.per30.toFixed(2)} false alarms / 30 d (naive ${naive.per30.toFixed(1)})`,
        met: detector.found === detector.n && detector.per30 < naive.per30,
      },
    ];

    return {
      tables: [
        {
          title: `Crisis detection, replayed hour by hour as the sweep runs (${results.length} Sandbox histories × ${months} months, judged from day ${WARM_UP_DAYS}; ${runs.toLocaleString('en-US')} hourly runs per method)`,
          columns: [
            'seed',
            'mentions/day',
            'method',
            'delay to crisis',
            'delay to watch',
            'false crisis alerts',
            'per 30 days',
            'crisis hours outside',
          ],
          rows: results.flatMap((r) =>
            METHODS.map((method) => {
              const s = r.scores[method];
              return [
                r.seed,
                String(r.perDay),
                method,
                hours(s.delayHours),
                hours(s.watchDelayHours),
                String(s.falseAlarms),
                s.falseAlarmsPer30Days.toFixed(2),
                String(s.hoursInCrisisOutside),
              ];
            }),
          ),
        },
        {
          title: 'Crisis detection, all histories',
          columns: [
            'method',
            'crises found',
            'median delay to crisis',
            'median delay to watch',
            'false crisis alerts',
            'per 30 days',
          ],
          rows: METHODS.map((method) => {
            const p = pooled(method);
            return [
              method,
              `${p.found}/${p.n}`,
              p.delays.length ? `${median(p.delays)} h` : '-',
              p.watch.length ? `${median(p.watch)} h` : '-',
              String(p.falseAlarms),
              p.per30.toFixed(2),
            ];
          }),
        },
        {
          title:
            'A burst of praise (30 positive mentions in 3 hours, planted by the bench 20 days before the crisis): highest level in the next 24 h',
          columns: ['seed', 'detector', 'naive: hour > 2 x mean', 'naive: 3 h > 3 x mean and >= 5'],
          rows: results.map((r) => [
            r.seed,
            r.praise.detector,
            r.praise.naive ? 'crisis' : 'none',
            r.praise.sturdyNaive ? 'crisis' : 'none',
          ]),
        },
        {
          title:
            'Sentiment accuracy / macro-F1: our scorer vs the `sentiment` package alone vs always the majority class',
          columns: ['set', 'n', 'ours', 'AFINN package alone', 'majority class'],
          rows: sets.map((s) => s.row),
        },
        confusionTable('Confusion matrices of our scorer (rows: the set’s label; columns: ours)', [
          ['shipped', scoredAll.ours],
          ['holdout', scoredHoldout.ours],
          ['majority on shipped', scoredAll.majority],
        ]),
        {
          title: 'Our accuracy by hard case (shipped set + holdout; a text may carry several tags)',
          columns: ['tag', 'right', 'n', 'accuracy'],
          rows: byTag([...shipped, ...holdout]).map((t) => [
            t.tag,
            String(t.right),
            String(t.n),
            pct(t.right / t.n),
          ]),
        },
        {
          title:
            'Is the confidence honest? Share right at each confidence (fitted on the dev half; shown on the test half and the holdout)',
          columns: ['confidence', 'test half: right / n', 'holdout: right / n'],
          rows: (() => {
            const test = calibration(shipped.filter((r) => r.id % 2 === 0));
            const hold = calibration(holdout);
            const levels = [...new Set([...test, ...hold].map((c) => c.confidence))].sort((a, b) => a - b);
            const cell = (list: typeof test, level: number) => {
              const c = list.find((x) => x.confidence === level);
              return c ? `${c.right}/${c.n} (${pct(c.right / c.n)})` : '-';
            };
            return levels.map((level) => [level.toFixed(2), cell(test, level), cell(hold, level)]);
          })(),
        },
      ],
      notes: [
        `Seeded ${seeded.length} organizations with seedSandboxHistory (1 account, ${months} months, mentions per day ${shapes.map((s) => s[1]).join(', ')}) on ${options.databaseUrl ? 'PostgreSQL' : 'in-process PGlite'} in ${seedSeconds.toFixed(1)} s, read back with loadMentions; replays took ${replaySeconds.toFixed(1)} s (${((replaySeconds * 1000) / (runs * 3)).toFixed(2)} ms per assessCrisisNow call with a full history).`,
        'Delay: hours from the planted crisis start (ground truth `crisis.from`, 07:00 UTC) to the first hourly run that said crisis; a run at hh:00 judges the hour before it, so 1 h is the floor. A crisis alert counts as false when its first crisis hour lies outside the planted 36 hours plus 24 hours after them. The naive rules get the detector’s hysteresis (alerts less than 6 quiet hours apart are one).',
        'The Sandbox mention counts are Poisson with no bursts besides the planted crisis and no weekly rhythm, so false-alarm figures here are a floor: real mentions are burstier (the detector estimates that dispersion from the history and widens its tails; the Sandbox gives it nothing to estimate).',
        'Sentiment sets: the shipped set (377 texts) and the holdout (90) were written for Plume by one person (README in test/fixtures/sentiment). The brand lexicon was written after looking at errors on the shipped set and at the Sandbox generator’s templates, so those figures are optimistic; the holdout was written before it and not tuned on, so it is the fair figure. The Sandbox texts come from a handful of templates: agreement there says the stored labels and the scorer line up, not that the scorer generalises.',
      ],
      findings: [],
      data: {
        results,
        sentiment: sets.map((s) => ({ row: s.row, ours: s.ours, majority: s.majority })),
        seedSeconds,
        replaySeconds,
      },
      targets,
    };
  },
};
