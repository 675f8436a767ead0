import { MetricFigure } from '../../../components/MetricFigure';
import type { components } from '../../../api/schema.gen';

type Party = components['schemas']['CompetitorParty'];

const ROUND = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export const partyName = (party: Party) =>
  party.kind === 'organization' ? 'You' : (party.name ?? party.handle ?? 'Competitor');

/** The organization and each competitor side by side, for the period. */
export function CompetitorTable({ parties }: { parties: Party[] }) {
  const cell = (
    party: Party,
    key: 'engagement' | 'engagementRateByFollowers' | 'shareOfPosts' | 'shareOfEngagement',
  ) => <MetricFigure value={party.current[key]} reason={party.unavailable[key]} />;
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">You and your competitors in this period</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1.5 pr-4 font-medium">
              Account
            </th>
            {[
              'Posts',
              'Per week',
              'Engagement',
              'Rate by followers %',
              'Share of posts %',
              'Share of engagement %',
            ].map((name) => (
              <th key={name} scope="col" className="py-1.5 pr-4 text-right font-medium">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 text-slate-700">
          {parties.map((party) => (
            <tr key={party.competitorId ?? 'organization'}>
              <th scope="row" className="py-1.5 pr-4 text-left font-medium text-slate-900">
                {partyName(party)}
                {party.platform ? (
                  <span className="block text-xs font-normal text-slate-500">{party.platform}</span>
                ) : null}
              </th>
              <td className="py-1.5 pr-4 text-right tabular-nums">{party.current.posts}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">
                {ROUND.format(party.current.postsPerWeek)}
              </td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{cell(party, 'engagement')}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">
                {cell(party, 'engagementRateByFollowers')}
              </td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{cell(party, 'shareOfPosts')}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{cell(party, 'shareOfEngagement')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
