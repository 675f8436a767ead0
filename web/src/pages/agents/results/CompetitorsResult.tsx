import { BarsChart } from '../../../charts/BarsChart';
import { Notice } from '../../../components/Notice';
import type { AnalyzeCompetitorsOutput } from '../task-outputs';
import { TemplateNote } from '../TemplateNote';
import { formatCount, formatOne } from '../format';

type Party = AnalyzeCompetitorsOutput['parties'][number];
const partyName = (party: Party) =>
  party.kind === 'organization' ? 'You' : (party.name ?? party.handle ?? 'Competitor');
const figure = (value: number | null, digits = false) =>
  value === null ? (
    <span className="text-slate-400">no data</span>
  ) : digits ? (
    formatOne(value)
  ) : (
    formatCount(value)
  );

/** Cadence, engagement and share of voice beside yours, the measured opportunities, top posts. */
export function CompetitorsResult({ output }: { output: AnalyzeCompetitorsOutput }) {
  const { parties } = output;
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700" data-testid="agent-summary">
        {output.explanation}
      </p>
      <TemplateNote template={output.template} what="summary" />
      {!output.supported && output.reason ? (
        <Notice tone="info" title="Nothing to compare yet">
          {output.reason}
        </Notice>
      ) : null}
      <p className="text-xs text-slate-500">
        {output.from} to {output.to}
      </p>
      {parties.length > 1 ? (
        <div className="grid gap-6 md:grid-cols-2">
          <BarsChart
            title="Share of voice: part of all engagement, percent"
            unit=" %"
            bars={parties.map((party) => ({
              label: partyName(party),
              value: party.current.shareOfEngagement,
            }))}
          />
          <BarsChart
            title="Cadence: posts per week"
            colourIndex={1}
            bars={parties.map((party) => ({ label: partyName(party), value: party.current.postsPerWeek }))}
          />
        </div>
      ) : null}
      <div className="relative overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">You and your competitors</caption>
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1.5 pr-4 font-medium">
                Account
              </th>
              {['Posts', 'Per week', 'Engagement', 'Rate by followers %', 'Share of voice %'].map((name) => (
                <th key={name} scope="col" className="py-1.5 pr-4 text-right font-medium">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 text-slate-700">
            {parties.map((party, index) => (
              <tr key={`${party.handle ?? 'you'}-${index}`}>
                <th scope="row" className="py-1.5 pr-4 text-left font-medium text-slate-900">
                  {partyName(party)}
                  {party.platform ? (
                    <span className="block text-xs font-normal text-slate-500">{party.platform}</span>
                  ) : null}
                </th>
                <td className="py-1.5 pr-4 text-right tabular-nums">{party.current.posts}</td>
                <td className="py-1.5 pr-4 text-right tabular-nums">
                  {figure(party.current.postsPerWeek, true)}
                </td>
                <td className="py-1.5 pr-4 text-right tabular-nums">{figure(party.current.engagement)}</td>
                <td className="py-1.5 pr-4 text-right tabular-nums">
                  {figure(party.current.engagementRateByFollowers, true)}
                </td>
                <td className="py-1.5 pr-4 text-right tabular-nums">
                  {figure(party.current.shareOfEngagement, true)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Opportunities</h3>
        {output.opportunities.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">
            No competitor does measurably better than you on cadence, engagement rate or share of voice.
          </p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label="Opportunities">
            {output.opportunities.map((opportunity) => (
              <li key={opportunity.message}>{opportunity.message}</li>
            ))}
          </ul>
        )}
      </div>
      {parties.some((party) => party.topPosts.length > 0) ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Top posts</h3>
          <ul className="mt-1 space-y-1.5 text-sm">
            {parties.flatMap((party) =>
              party.topPosts.slice(0, 3).map((post) => (
                <li key={`${partyName(party)}-${post.text}`} className="break-words text-slate-700">
                  <span className="text-xs text-slate-500">
                    {partyName(party)} · {formatCount(post.engagement)} engagements ·{' '}
                  </span>
                  {post.url ? (
                    <a href={post.url} className="underline" target="_blank" rel="noreferrer">
                      {post.text}
                    </a>
                  ) : (
                    post.text
                  )}
                </li>
              )),
            )}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
