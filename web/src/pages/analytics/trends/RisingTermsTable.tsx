import type { components } from '../../../api/schema.gen';

type Term = components['schemas']['TrendTerm'];

const NUMBER = new Intl.NumberFormat();
const PERCENT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** Growth in percent, or "new" where the term was not used in the period before (the API's null). */
export const growthText = (term: Term) => (term.growth === null ? 'new' : `${PERCENT.format(term.growth)} %`);

/** Rising terms with their counts now and before, growth and where the texts came from. */
export function RisingTermsTable({ terms, caption }: { terms: readonly Term[]; caption: string }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1.5 pr-4 font-medium">
              Term
            </th>
            {['This period', 'Before', 'Growth'].map((name) => (
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
          {terms.map((term) => (
            <tr key={term.term}>
              <th scope="row" className="py-1.5 pr-4 text-left font-medium break-all text-slate-900">
                {term.term}
                <span className="sr-only">{term.kind === 'hashtag' ? ' (hashtag)' : ' (word)'}</span>
              </th>
              <td className="py-1.5 pr-4 text-right tabular-nums">{NUMBER.format(term.total)}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{NUMBER.format(term.previous)}</td>
              <td
                className={`py-1.5 pr-4 text-right tabular-nums ${term.growth === null ? 'text-brand-700' : 'text-emerald-700'}`}
              >
                {growthText(term)}
              </td>
              <td className="py-1.5 pr-4 text-xs whitespace-nowrap text-slate-500">
                {sourcesText(term.bySource)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function sourcesText(counts: Term['bySource']): string {
  const parts = [
    [counts.ownPosts, 'your posts'],
    [counts.mentions, 'mentions'],
    [counts.competitorPosts, 'competitors'],
  ] as const;
  return (
    parts
      .filter(([count]) => count > 0)
      .map(([count, name]) => `${name} ${NUMBER.format(count)}`)
      .join(' · ') || 'none'
  );
}
