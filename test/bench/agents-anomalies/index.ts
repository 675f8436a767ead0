import { forecastBacktest } from '../../../functions/core/agents/anomalies/backtest';
import { detectorOptionsFor } from '../../../functions/core/agents/anomalies/metric-presets';
import type { Benchmark, BenchOptions, BenchResult, TargetCheck } from '../benchmark';
import { FACTORS } from './inject';
import { cleanSeries, injectedExperiment, summarise } from './injected';
import { plantedDrop, plantedViral } from './planted';
import { benchDatabase, seedOrganization, type SeededOrganization } from './seed';
import { crisisCases, plantedBurstCases, trendBacktestOf, type TrendCase } from './trend-cases';

const NOW = new Date('2027-03-15T12:00:00Z');

const pct = (share: number) => `${Math.round(share * 100)} %`;
/** A share with one decimal (forecast errors of a follower count are fractions of a percent). */
const pct1 = (share: number) => `${(share * 100).toFixed(1)} %`;
const num = (value: number | null, digits = 1) => (value === null ? '-' : value.toFixed(digits));
const rank = (value: number | null) => (value === null ? 'not listed' : String(value));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : Number.NaN;
};

/**
 * The performance tracker and the trend analyzer (issue 11) on Sandbox histories (the real
 * generator, several seeds): (a) anomalies injected at known days and sizes into the series that
 * hold no planted pattern, precision, recall and days to alert against the naive
 * "|day-over-day change| > 3 sd" rule; (b) the planted follower drop and viral post, days or
 * hours to alert; (c) the planted crisis topic in mentions and bursts planted into the brand's
 * posts, their rank against the window's most frequent terms and the Trends page's rising rule.
 */
export const agentsAnomalies: Benchmark = {
  name: 'agents-anomalies',
  summary: 'Performance tracker (anomalies) and trend analyzer on Sandbox histories: injected and planted anomalies, planted bursts, vs naive rules',
  async run(options: BenchOptions): Promise<BenchResult> {
    const seeds = options.quick ? ['anomalies-1', 'anomalies-2'] : ['anomalies-1', 'anomalies-2', 'anomalies-3'];
    const positions = options.quick ? 2 : 4;
    const handle = await benchDatabase(options.databaseUrl);
    const started = performance.now();
    const orgs: SeededOrganization[] = [];
    try {
      for (const seed of seeds)
        orgs.push(
          await seedOrganization(handle, {
            seed,
            // Handles are global on the Sandbox: a shared PostgreSQL gets this run's own.
            slug: options.databaseUrl ? `${seed}-${crypto.randomUUID().slice(0, 6)}` : seed,
            months: 6,
            accounts: 4,
            now: NOW,
          }),
        );
    } finally {
      await handle.close();
    }
    const seedSeconds = (performance.now() - started) / 1000;

    // (a) Injected anomalies.
    const injected = injectedExperiment(orgs, positions);
    const injectedRows = injected
      .filter((r) => r.method === 'seasonal')
      .map((model) => {
        const naive = injected.find(
          (r) => r.method === 'naive' && r.metric === model.metric && r.kind === model.kind && r.size === model.size,
        )!;
        const m = summarise(model.scores);
        const n = summarise(naive.scores);
        return { model, m, n };
      });
    const overall = (method: 'seasonal' | 'naive', metric?: string) =>
      summarise(injected.filter((r) => r.method === method && (!metric || r.metric === metric)).flatMap((r) => r.scores));

    // (b) Planted patterns.
    const drops = orgs.flatMap(plantedDrop);
    const virals = orgs.map(plantedViral).filter((v) => v !== null);

    // (c) Trends.
    const trendCases: TrendCase[] = orgs.flatMap((org) => [...crisisCases(org), ...plantedBurstCases(org, options.quick ? 2 : 4)]);
    const trendBacktests = orgs.map((org) => ({ seed: org.seed, backtest: trendBacktestOf(org) }));
    const byCase = new Map<string, TrendCase[]>();
    for (const c of trendCases) byCase.set(c.case, [...(byCase.get(c.case) ?? []), c]);
    const topThree = (list: TrendCase[], pick: (c: TrendCase) => number | null) =>
      `${list.filter((c) => (pick(c) ?? Infinity) <= 3).length}/${list.length}`;

    // Backtests of the tracker's forecasts on the clean series.
    const forecasts = orgs.flatMap((org) =>
      cleanSeries(org).map((s) => ({ metric: s.metric, backtest: forecastBacktest(s.points, { detector: detectorOptionsFor(s.metric) }) })),
    );
    const forecastRows = (['followers', 'impressions', 'engagementPerPost'] as const).map((metric) => {
      const supported = forecasts.flatMap((f) => (f.metric === metric && f.backtest.supported ? [f.backtest] : []));
      return [
        metric,
        String(supported.length),
        pct1(median(supported.map((b) => b.model))),
        pct1(median(supported.map((b) => b.baseline))),
        pct(median(supported.map((b) => b.improvement))),
        `${supported.filter((b) => b.interval.low > 0).length}/${supported.length}`,
      ];
    });

    const seasonalAll = overall('seasonal');
    const naiveAll = overall('naive');
    const crisis = byCase.get('crisis, both days') ?? [];
    const targets: TargetCheck[] = [
      {
        name: 'planted follower drop found (seasonal detector)',
        target: 'alerted within 1 day, every seed',
        measured: drops
          .filter((d) => d.metric === 'followers')
          .map((d) => (d.seasonal.daysToAlert === null ? 'missed' : `${d.seasonal.daysToAlert} d`))
          .join(', '),
        met: drops.filter((d) => d.metric === 'followers').every((d) => d.seasonal.daysToAlert !== null && d.seasonal.daysToAlert <= 1),
      },
      {
        name: 'planted viral post found (post growth)',
        target: 'alerted within 24 h, every seed',
        measured: virals.map((v) => (v.growthHoursToAlert === null ? 'missed' : `${v.growthHoursToAlert} h`)).join(', '),
        met: virals.length === orgs.length && virals.every((v) => v.growthHoursToAlert !== null && v.growthHoursToAlert <= 24),
      },
      {
        name: 'crisis topic ranks top-3 in its window',
        target: 'every seed',
        measured: crisis.map((c) => rank(c.model)).join(', '),
        met: crisis.length === orgs.length && crisis.every((c) => c.model !== null && c.model <= 3),
      },
      {
        name: 'injected anomalies: precision at least the naive rule’s',
        target: `>= naive (${pct(naiveAll.precision)})`,
        measured: pct(seasonalAll.precision),
        met: seasonalAll.precision >= naiveAll.precision,
      },
    ];

    return {
      tables: [
        {
          title: `(a) Anomalies injected into Sandbox series without planted patterns (${orgs.length} seeds × 6 months; ${positions} positions per kind, size and series): seasonal detector vs naive |Δ| > 3 sd`,
          columns: ['metric', 'kind', 'factor', 'n', 'recall', 'naive', 'precision', 'naive', 'false alarms /1000 d', 'naive', 'days to alert', 'naive'],
          rows: [
            ...injectedRows.map(({ model, m, n }) => [
              model.metric,
              model.kind,
              `${model.size} ×${FACTORS[model.metric][model.kind][model.size]}`,
              String(m.injections),
              pct(m.recall),
              pct(n.recall),
              pct(m.precision),
              pct(n.precision),
              num(m.falseAlarmsPerThousandDays),
              num(n.falseAlarmsPerThousandDays),
              num(m.meanDaysToAlert),
              num(n.meanDaysToAlert),
            ]),
            ...(['followers', 'impressions', 'engagementPerPost', undefined] as const).map((metric) => {
              const m = overall('seasonal', metric);
              const n = overall('naive', metric);
              return [
                `all ${metric ?? 'metrics'}`,
                'all',
                '',
                String(m.injections),
                pct(m.recall),
                pct(n.recall),
                pct(m.precision),
                pct(n.precision),
                num(m.falseAlarmsPerThousandDays),
                num(n.falseAlarmsPerThousandDays),
                num(m.meanDaysToAlert),
                num(n.meanDaysToAlert),
              ];
            }),
          ],
        },
        {
          title: '(b) Planted patterns: the follower drop (ground truth `drop`, ×0.45) in each of the dropped account’s series, and the viral post (`viralPost`)',
          columns: ['seed', 'pattern', 'seasonal: days/hours to alert', 'severity', 'naive: to alert', 'false alarms before (60 d or other posts)', 'naive'],
          rows: [
            ...drops.map((d) => [
              d.seed,
              `drop: ${d.metric}`,
              d.seasonal.daysToAlert === null ? 'missed (14 d)' : `${d.seasonal.daysToAlert} d (${d.seasonal.kind})`,
              d.seasonal.severity ?? '-',
              d.naive.daysToAlert === null ? 'missed (14 d)' : `${d.naive.daysToAlert} d`,
              String(d.falseAlarmsBefore.seasonal),
              String(d.falseAlarmsBefore.naive),
            ]),
            ...virals.map((v) => [
              v.seed,
              'viral post: growth vs the account’s posts at the same age',
              v.growthHoursToAlert === null ? 'missed' : `${num(v.growthHoursToAlert, 1)} h`,
              v.growthSeverity ?? '-',
              v.naiveHoursToAlert === null ? 'missed' : `${num(v.naiveHoursToAlert, 1)} h`,
              `${pct(v.falseAlarmRate.growth)} of ${v.falseAlarmRate.posts}`,
              pct(v.falseAlarmRate.naive),
            ]),
            ...virals.map((v) => [
              v.seed,
              'viral post: daily engagement-per-post series',
              v.dailySeries.seasonal ? 'found (once final, ~7 d)' : 'missed',
              '-',
              v.dailySeries.naive ? 'found' : 'missed',
              '-',
              '-',
            ]),
          ],
        },
        {
          title: '(c) Trends: rank of the planted term (crisis: any word of `crisis.topic`) among the window’s listed terms (top 20; bursts need q ≤ 0.05)',
          columns: ['case', 'windows', 'burst detector top-3', 'most frequent top-3', 'rising rule top-3', 'detector ranks', 'most frequent ranks'],
          rows: [...byCase].map(([name, list]) => [
            name,
            String(list.length),
            topThree(list, (c) => c.model),
            topThree(list, (c) => c.mostFrequent),
            topThree(list, (c) => c.rising),
            list.map((c) => rank(c.model)).join(' '),
            list.map((c) => rank(c.mostFrequent)).join(' '),
          ]),
        },
        {
          title: 'Backtests the agents run on an organization’s own history',
          columns: ['what', 'n', 'model', 'baseline', 'improvement', 'interval above 0'],
          rows: [
            ...forecastRows.map(([metric, n, model, baseline, improvement, above]) => [
              `tracker: one-day forecast error, ${metric} (vs yesterday’s reading)`,
              n!,
              model!,
              baseline!,
              improvement!,
              above!,
            ]),
            ...trendBacktests.map(({ seed, backtest }) =>
              backtest.supported
                ? [
                    `trends ${seed}: flags that held up next day (vs rising rule)`,
                    `${backtest.n.modelFlags} / ${backtest.n.baselineFlags}`,
                    pct(backtest.model),
                    pct(backtest.baseline),
                    `${Math.round(backtest.improvement * 100)} points`,
                    '-',
                  ]
                : [`trends ${seed}`, '-', 'unsupported', backtest.reason, '-', '-'],
            ),
          ],
        },
      ],
      notes: [
        `${orgs.length} organizations seeded by seedSandboxHistory (4 accounts, 6 months to ${NOW.toISOString().slice(0, 10)}, 5 posts a week each, 3 competitors, 4 mentions a day; hourly snapshots kept for every post) on ${options.databaseUrl ? 'PostgreSQL' : 'PGlite in memory'} in ${Math.round(seedSeconds)} s, read back through the agents' loaders`,
        'injections go into copies of the series of the accounts with no planted pattern (the dropped account left out, the viral account’s followers only); a one-day injection is found by an anomaly of its direction that covers its day, a shift by one starting within 7 days; false alarms are the other anomalies starting from 28 days before to 14 days after it, so the history’s own events (year-end holidays) count against both detectors',
        `crisis, first day: the detector's top three per seed: ${(byCase.get('crisis, first day') ?? []).map((c) => c.top.join(', ')).join(' | ')}`,
        'the naive rule for posts: the running total passes the mean + 3 sd of the account’s last 30 posts’ final totals',
        'days to alert are causal: each day is judged on the days before it only, as the daily sweep would (assessAccountNow runs the same detection up to yesterday)',
      ],
      findings: [],
      targets,
      data: { seeds, injected: injectedRows.map(({ model, m, n }) => ({ metric: model.metric, kind: model.kind, size: model.size, model: m, naive: n })), drops, virals, trendCases, trendBacktests, forecasts },
    };
  },
};
