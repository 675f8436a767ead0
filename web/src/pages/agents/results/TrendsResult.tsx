import { BarsChart } from '../../../charts/BarsChart';
import { SmallMultiples } from '../../../charts/SmallMultiples';
import { Notice } from '../../../components/Notice';
import type { AnalyzeTrendsOutput, TrendBurst } from '../task-outputs';
import { TemplateNote } from '../TemplateNote';
import { formatGain, formatOne, formatTwo } from '../format';

const TOP = 10;
const termName = (burst: TrendBurst) => `${burst.kind === 'hashtag' ? '#' : ''}${burst.term}`;
const growthText = (burst: TrendBurst) => (burst.growth === null ? 'new' : formatGain(burst.growth));
const sourcesText = (burst: TrendBurst) =>
  [
    [burst.sources.ownPosts, 'your posts'],
    [burst.sources.mentions, 'mentions'],
    [burst.sources.competitorPosts, 'competitors'],
  ]
    .filter(([count]) => Number(count) > 0)
    .map(([count, name]) => `${name} ${count}`)
    .join(' · ');

/** The bursting terms ranked, with counts, what was expected, growth, shape and sources. */
export function TrendsResult({ output }: { output: AnalyzeTrendsOutput }) {
  const top = output.bursts.slice(0, TOP);
  const read = output.texts.window;
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700" data-testid="agent-summary">
        {output.summary}
      </p>
      <TemplateNote template={output.template} what="summary" />
      {!output.support.supported ? (
        <Notice tone="info" title="The history cannot tell a trend yet">
          {output.support.reason}
        </Notice>
      ) : null}
      {top.length > 0 ? (
        <>
          <BarsChart
            title="Texts using each rising term in the window"
            bars={top.map((burst) => ({ label: termName(burst), value: burst.countWindow }))}
          />
          <div className="relative overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Rising terms, most significant first</caption>
              <thead className="text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-1.5 pr-4 font-medium">
                    Term
                  </th>
                  {['In window', 'Expected', 'Growth', 'q'].map((name) => (
                    <th key={name} scope="col" className="py-1.5 pr-4 text-right font-medium">
                      {name}
                    </th>
                  ))}
                  <th scope="col" className="py-1.5 pr-4 font-medium">
                    Sources
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 text-slate-700">
                {output.bursts.map((burst) => (
                  <tr key={`${burst.kind}-${burst.term}`}>
                    <th scope="row" className="py-1.5 pr-4 text-left font-medium break-all text-slate-900">
                      {termName(burst)}
                    </th>
                    <td className="py-1.5 pr-4 text-right tabular-nums">{burst.countWindow}</td>
                    <td className="py-1.5 pr-4 text-right tabular-nums">{formatOne(burst.expected)}</td>
                    <td className="py-1.5 pr-4 text-right tabular-nums text-emerald-700">
                      {growthText(burst)}
                    </td>
                    <td className="py-1.5 pr-4 text-right tabular-nums">{burst.qValue.toFixed(3)}</td>
                    <td className="py-1.5 pr-4 text-xs whitespace-nowrap text-slate-500">
                      {sourcesText(burst)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <SmallMultiples
            title="Texts per bucket using each rising term"
            buckets={output.buckets.map((bucket) => bucket.slice(5))}
            items={top.map((burst) => ({
              label: termName(burst),
              values: burst.counts,
              note: `${burst.countWindow} texts, ${growthText(burst)}`,
            }))}
          />
        </>
      ) : output.support.supported ? (
        <p className="text-sm text-slate-600">Nothing is rising in this window.</p>
      ) : null}
      <p className="text-xs text-slate-500">
        Read {read.ownPosts} of your posts, {read.mentions} mentions and {read.competitorPosts} competitor
        posts in the window; {output.tested} terms tested (exact binomial test against the four weeks before,
        false discovery rate q ≤ 0.05).{' '}
        {output.backtest.supported
          ? `Backtest over ${output.backtest.n.windows} past windows (${output.backtest.metric}): ${formatTwo(output.backtest.model)} against ${formatTwo(output.backtest.baseline)} for the Trends page’s rising rule.`
          : `No backtest: ${output.backtest.reason}`}
      </p>
    </div>
  );
}
