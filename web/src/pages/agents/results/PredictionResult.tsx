import { Notice } from '../../../components/Notice';
import type { EngagementBacktest, PredictEngagementOutput } from '../task-outputs';
import { formatOne, formatPercent, formatTimes, formatTwo } from '../format';

const METRICS: Record<string, string> = {
  mae: 'Mean absolute error (engagements)',
  mae_log: 'Mean absolute error (log)',
  spearman: 'Rank correlation (Spearman)',
  coverage_80: '80 % interval coverage',
};

const ROUND = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** The interval as a bar: where the prediction and the account's usual post fall in it. */
function IntervalBar({
  low,
  high,
  value,
  usual,
}: {
  low: number;
  high: number;
  value: number;
  usual: number;
}) {
  const top = Math.max(high, usual, value) * 1.1 || 1;
  const at = (x: number) => `${Math.min(100, (x / top) * 100)}%`;
  return (
    <div aria-hidden="true" className="relative mt-2 h-6 rounded bg-slate-100">
      <div
        className="absolute inset-y-1 rounded bg-indigo-200"
        style={{ left: at(low), width: `calc(${at(high)} - ${at(low)})` }}
      />
      <div className="absolute inset-y-0 w-0.5 bg-brand-700" style={{ left: at(value) }} />
      <div
        className="absolute inset-y-0 w-0.5 border-l-2 border-dashed border-slate-500"
        style={{ left: at(usual) }}
      />
    </div>
  );
}

function BacktestTable({ backtest }: { backtest: EngagementBacktest }) {
  if (!backtest.supported) return <p className="text-sm text-slate-600">No backtest: {backtest.reason}.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="mb-1 text-left text-xs text-slate-500">
          Backtest: trained on {backtest.trainedOn} posts before {backtest.cut.slice(0, 10)}, tested on the{' '}
          {backtest.tested} after, against “same as your median”
        </caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              Measure
            </th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">
              Model
            </th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">
              Median
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 text-slate-700">
          {backtest.metrics.map((metric) => (
            <tr key={metric.metric}>
              <th scope="row" className="py-1 pr-4 text-left font-medium">
                {METRICS[metric.metric] ?? metric.metric}
              </th>
              <td className="py-1 pr-4 text-right tabular-nums">
                {metric.model === null ? '—' : formatTwo(metric.model)}
              </td>
              <td className="py-1 pr-4 text-right tabular-nums">
                {metric.baseline === null ? '—' : formatTwo(metric.baseline)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The predicted engagement with its interval against the usual post, the factors, the edits, the backtest. */
export function PredictionResult({
  output,
  compact = false,
}: {
  output: PredictEngagementOutput;
  compact?: boolean;
}) {
  const result = output.prediction;
  if (!result.supported) {
    return (
      <div className="space-y-3">
        <Notice tone="info" title="No prediction">
          The history cannot support one: {result.reason}.
        </Notice>
        {compact ? null : <BacktestTable backtest={result.backtest} />}
      </div>
    );
  }
  const { engagement, interval, baseline } = result.prediction;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-700" data-testid="prediction-figure">
          <span className="text-2xl font-semibold text-slate-900">{ROUND.format(engagement)}</span>{' '}
          engagements expected, {ROUND.format(interval.level * 100)} % interval {ROUND.format(interval.low)}{' '}
          to {ROUND.format(interval.high)}; the account’s usual post gets {ROUND.format(baseline.engagement)}{' '}
          ({baseline.source}).
        </p>
        <IntervalBar low={interval.low} high={interval.high} value={engagement} usual={baseline.engagement} />
        <p className="mt-1 text-xs text-slate-500">
          Shaded: the interval; line: the prediction; dashed: the usual post.
        </p>
      </div>
      {result.basis === 'priors' ? (
        <Notice tone="warning" title="From documented priors, not a model of your posts">
          {result.reason ?? 'Too little history to train on.'}
        </Notice>
      ) : null}
      <div>
        <h3 className="text-sm font-semibold text-slate-900">What moves it most</h3>
        <ul className="mt-1 space-y-1 text-sm" aria-label="Factors">
          {result.factors.map((factor) => (
            <li key={factor.factor} className="text-slate-700">
              <span className="font-medium capitalize">{factor.factor}</span>: {factor.value} →{' '}
              <span className={factor.percent >= 0 ? 'text-emerald-700' : 'text-rose-700'}>
                {formatTimes(factor.multiplier)} ({formatPercent(factor.percent)})
              </span>{' '}
              <span className="text-xs text-slate-500">
                95 % {formatTimes(factor.interval[0])} to {formatTimes(factor.interval[1])}
                {factor.supported ? '' : ', not distinguishable from no effect'}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Edits your history supports</h3>
        {result.suggestions.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">
            None: no edit’s gain is clear of zero on your history.
          </p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label="Suggestions">
            {result.suggestions.map((suggestion) => (
              <li key={suggestion.text}>
                {suggestion.text}{' '}
                <span className="text-xs text-slate-500">
                  ({formatPercent(suggestion.gainPercent)}, 95 % {formatOne(suggestion.gainInterval[0])} to{' '}
                  {formatOne(suggestion.gainInterval[1])} %)
                </span>
              </li>
            ))}
          </ul>
        )}
        {!compact && result.withheld.length > 0 ? (
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-slate-600">Withheld ({result.withheld.length})</summary>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-600">
              {result.withheld.map((edit) => (
                <li key={edit.text}>
                  {edit.text}: {edit.reason}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
      {compact ? null : <BacktestTable backtest={result.backtest} />}
      <p className="text-xs text-slate-500">Trained on {result.evidence.trainedOn} of your posts.</p>
    </div>
  );
}
