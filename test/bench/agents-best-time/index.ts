import { bestTimes, type AccountBestTimes } from '../../../functions/core/agents/best-time';
import { slotAt, slotIndex, slotLabel } from '../../../functions/core/agents/best-time/local-slot';
import type { PostOutcome } from '../../../functions/core/agents/post-outcomes';
import type { GroundTruthAccount } from '../../../functions/platforms/sandbox/history';
import type { Benchmark, BenchOptions, BenchResult, BenchTable, TargetCheck } from '../benchmark';
import { modelSlotTiming, regretOf } from './model-truth';
import { bestRawMeanSlots, mostFrequentSlots } from './naive-baselines';
import { BestTimeHistories, type SeededOrganization } from './seed';

const NOW = new Date('2026-06-01T00:00:00Z');
const MONTHS = 6;
const ACCOUNTS = 4;
const SEEDS = ['1', '2', '3'];
/** The same histories cut short, to show the smoothing where data is thin. */
const THIN_WEEKS = [8, 4];
const WEEK_MS = 7 * 86_400_000;

type Method = 'agent' | 'best raw mean' | 'most frequent';
const METHODS: Method[] = ['agent', 'best raw mean', 'most frequent'];

interface Judged {
  top3: number[];
  hit1: boolean;
  hit3: boolean;
  regret: number;
}

interface AccountRun {
  seed: string;
  scenario: string;
  handle: string;
  timeZone: string;
  peak: string;
  posts: number;
  supported: boolean;
  methods: Record<Method, Judged>;
  result: AccountBestTimes;
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const signedPercent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(0)} %`;

function judge(top3: number[], peak: number, timing: Float64Array): Judged {
  return {
    top3,
    hit1: top3[0] === peak,
    hit3: top3.includes(peak),
    regret: top3.length > 0 ? regretOf(timing, top3[0]!) : 1,
  };
}

function runAccount(
  org: SeededOrganization,
  account: GroundTruthAccount,
  scenario: { name: string; outcomes: PostOutcome[]; now: Date; backtest: boolean },
  timing: Float64Array,
): AccountRun {
  const own = scenario.outcomes.filter((o) => o.socialAccountId === account.socialAccountId);
  const result = bestTimes(own, {
    accountId: account.socialAccountId,
    timeZone: account.timeZone,
    platform: 'sandbox',
    now: scenario.now,
    top: 3,
    backtest: scenario.backtest ? { seed: `bench:${org.seed}:${account.handle}` } : false,
  });
  const peak = slotIndex(account.peak);
  return {
    seed: org.seed,
    scenario: scenario.name,
    handle: account.handle,
    timeZone: account.timeZone,
    peak: slotLabel(account.peak),
    posts: result.evidence.postsUsed,
    supported: result.supported,
    result,
    methods: {
      agent: judge(
        result.ranked.map((r) => slotIndex(r)),
        peak,
        timing,
      ),
      'best raw mean': judge(bestRawMeanSlots(own, account.timeZone, 3), peak, timing),
      'most frequent': judge(mostFrequentSlots(own, account.timeZone, 3), peak, timing),
    },
  };
}

function summaryRows(runs: AccountRun[], label: string): string[][] {
  return METHODS.map((method) => {
    const judged = runs.map((r) => r.methods[method]);
    const share = (pick: (j: Judged) => boolean) => judged.filter(pick).length / judged.length;
    const regrets = judged.map((j) => j.regret);
    return [
      label,
      method,
      String(runs.length),
      percent(share((j) => j.hit1)),
      percent(share((j) => j.hit3)),
      percent(regrets.reduce((a, b) => a + b, 0) / regrets.length),
      percent(Math.max(...regrets)),
    ];
  });
}

/**
 * `agents-best-time`: the smart scheduler on Sandbox histories (3 seeds x 4 accounts, 6
 * months), against the planted audience peak (ground truth), the Sandbox model's own expected
 * engagement per slot (regret), and two naive answers; and its backtest against the accounts'
 * usual posting times.
 */
export const agentsBestTime: Benchmark = {
  name: 'agents-best-time',
  summary: 'Smart scheduler: top-3 hit rate and regret against the planted peak, backtest vs usual times',
  async run(options: BenchOptions): Promise<BenchResult> {
    const seeds = options.quick ? SEEDS.slice(0, 1) : SEEDS;
    const histories = await BestTimeHistories.open();
    const runs: AccountRun[] = [];
    const peaks: string[][] = [];
    const seeding: number[] = [];
    const started = performance.now();
    let agentMs = 0;
    try {
      for (const seed of seeds) {
        const org = await histories.seed(seed, { now: NOW, months: MONTHS, accounts: ACCOUNTS });
        seeding.push(org.seconds);
        const from = new Date(org.truth.from);
        const scenarios = [
          { name: `${MONTHS} months`, outcomes: org.outcomes, now: NOW, backtest: true },
          ...THIN_WEEKS.map((weeks) => {
            const cut = new Date(from.getTime() + weeks * WEEK_MS);
            return {
              name: `first ${weeks} weeks`,
              outcomes: org.outcomes.filter((o) => o.publishedAt < cut),
              now: cut,
              backtest: false,
            };
          }),
        ];
        for (const account of org.truth.accounts) {
          const timing = modelSlotTiming(account.handle, account.timeZone, NOW);
          const best = timing.indexOf(Math.max(...timing));
          peaks.push([
            seed,
            account.handle,
            account.timeZone,
            slotLabel(account.peak),
            slotLabel(slotAt(best)),
            percent(regretOf(timing, slotIndex(account.peak))),
            (timing[slotIndex(account.peak)]! / secondBest(timing, account)).toFixed(2),
          ]);
          for (const scenario of scenarios) {
            const t0 = performance.now();
            runs.push(runAccount(org, account, scenario, timing));
            agentMs += performance.now() - t0;
          }
        }
      }
    } finally {
      await histories.close();
    }

    const scenarioNames = [...new Set(runs.map((r) => r.scenario))];
    const accuracy: BenchTable = {
      title: `Top-1 / top-3 hit rate of the planted peak and regret of the top-1 slot (Sandbox model), ${seeds.length} seed(s) x ${ACCOUNTS} accounts`,
      columns: [
        'seed / history',
        'method',
        'accounts',
        'top-1 hit',
        'top-3 hit',
        'mean regret',
        'worst regret',
      ],
      rows: [
        ...seeds.flatMap((seed) =>
          scenarioNames.flatMap((scenario) =>
            summaryRows(
              runs.filter((r) => r.seed === seed && r.scenario === scenario),
              `seed ${seed}, ${scenario}`,
            ),
          ),
        ),
        ...scenarioNames.flatMap((scenario) =>
          summaryRows(
            runs.filter((r) => r.scenario === scenario),
            `all, ${scenario}`,
          ),
        ),
      ],
    };
    const full = runs.filter((r) => r.scenario === scenarioNames[0]);
    const backtests: BenchTable = {
      title:
        'Backtest: learn before the last 12 weeks, then test posts in the top-3 recommended slots vs the 3 usual ones (engagement per follower, geometric mean)',
      columns: [
        'seed',
        'account',
        'zone',
        'planted peak',
        'recommended (top 3)',
        'usual (top 3)',
        'n rec / usual',
        'improvement',
        '95 % interval',
      ],
      rows: full.map((r) => {
        const b = r.result.backtest;
        return b.supported
          ? [
              r.seed,
              r.handle,
              r.timeZone,
              r.peak,
              b.modelSlots.join(', '),
              b.baselineSlots.join(', '),
              `${b.n.model} / ${b.n.baseline}`,
              signedPercent(b.improvement),
              b.interval ? `${signedPercent(b.interval.low)} .. ${signedPercent(b.interval.high)}` : '-',
            ]
          : [r.seed, r.handle, r.timeZone, r.peak, '-', '-', '-', 'not supported', b.reason];
      }),
    };
    const supportedBacktests = full.flatMap((r) => (r.result.backtest.supported ? [r.result.backtest] : []));
    const improvements = supportedBacktests.map((b) => b.improvement).sort((a, b) => a - b);
    const medianImprovement = improvements[Math.floor(improvements.length / 2)] ?? Number.NaN;
    const truthTable: BenchTable = {
      title:
        "The planted peak under the Sandbox model (expected engagement per slot, 4 weeks before the history's end)",
      columns: [
        'seed',
        'account',
        'zone',
        'planted peak',
        "model's best slot",
        'regret of the peak',
        'peak / best other slot 4 h+ away',
      ],
      rows: peaks,
    };
    const judged = (scenario: string, method: Method) =>
      runs.filter((r) => r.scenario === scenario).map((r) => r.methods[method]);
    const hit3 = (scenario: string, method: Method) =>
      judged(scenario, method).filter((j) => j.hit3).length / judged(scenario, method).length;
    const regret = (scenario: string, method: Method) =>
      judged(scenario, method).reduce((sum, j) => sum + j.regret, 0) / judged(scenario, method).length;
    const naive: Method[] = ['best raw mean', 'most frequent'];
    // The issue sets no figures for this agent: the bar is to do at least as well as a person's naive answers.
    const targets: TargetCheck[] = scenarioNames.flatMap((scenario) => {
      const agentHits = hit3(scenario, 'agent');
      const naiveHits = Math.max(...naive.map((m) => hit3(scenario, m)));
      const agentRegret = regret(scenario, 'agent');
      const naiveRegret = Math.min(...naive.map((m) => regret(scenario, m)));
      return [
        {
          name: `best-time top-3 hit rate, ${scenario}`,
          target: '>= the better naive baseline',
          measured: `${percent(agentHits)} vs ${percent(naiveHits)}`,
          met: agentHits >= naiveHits,
        },
        {
          name: `best-time mean regret of the top-1 slot, ${scenario}`,
          target: '<= the better naive baseline',
          measured: `${percent(agentRegret)} vs ${percent(naiveRegret)}`,
          met: agentRegret <= naiveRegret,
        },
      ];
    });
    return {
      tables: [accuracy, backtests, truthTable],
      notes: [
        `histories: ${seeds.length} organization(s) x ${ACCOUNTS} Sandbox accounts, ${MONTHS} months to ${NOW.toISOString().slice(0, 10)}, ~5 posts a week per account, seeded by seedSandboxHistory on an in-memory PGlite and read back by loadPostOutcomes (seeding ${seeding.map((s) => s.toFixed(1)).join(' / ')} s)`,
        `"first N weeks": the same histories cut after ${THIN_WEEKS.join(' and ')} weeks (about ${THIN_WEEKS.map((w) => w * 5).join(' and ')} posts per account, ${THIN_WEEKS.map((w) => Math.round((w * 5) / 7)).join(' and ')} per slot), where smoothing matters`,
        'regret: 1 - expected engagement of the top-1 slot / that of the best slot under the Sandbox model (its timing factor, network curve + the account rhythm, at half past the hour)',
        `backtest: ${supportedBacktests.length} of ${full.length} accounts supported; median improvement ${signedPercent(medianImprovement)}`,
        `agent time: ${(agentMs / runs.length).toFixed(0)} ms per account (best times with backtest); whole run ${((performance.now() - started) / 1000).toFixed(0)} s`,
      ],
      findings: [],
      targets,
      data: {
        runs: runs.map(({ result, ...rest }) => ({
          ...rest,
          ranked: result.ranked,
          backtest: result.backtest,
        })),
        peaks,
      },
    };
  },
};

/** The model's best slot at least 4 hours from the peak (the generator's claim: 2-3x). */
function secondBest(timing: Float64Array, account: GroundTruthAccount): number {
  const peak = slotIndex(account.peak);
  let best = 0;
  timing.forEach((value, slot) => {
    const distance = Math.min(Math.abs(slot - peak), 168 - Math.abs(slot - peak));
    if (distance >= 4 && value > best) best = value;
  });
  return best;
}
