import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { SmallMultiples } from '../../charts/SmallMultiples';
import { Card } from '../../components/Card';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';
import { growthText, RisingTermsTable, sourcesText } from './trends/RisingTermsTable';
import { useAnalyticsRange } from './use-analytics-range';

type Bucket = 'day' | 'week';
const BUCKETS: ReadonlyArray<[Bucket, string]> = [
  ['day', 'By day'],
  ['week', 'By week'],
];
/** Small multiples drawn: beyond a dozen the grid stops being glanceable. */
const MULTIPLES = 12;
const NUMBER = new Intl.NumberFormat();

/**
 * Terms and hashtags over the period: what is rising against the period before, and the shape of
 * the most used ones over days or weeks, across your posts, your mentions and competitors' posts.
 */
export default function TrendsPage() {
  const { api } = useServices();
  const { query, timeZone } = useAnalyticsRange();
  const [bucket, setBucket] = useState<Bucket>('day');
  const trends = useQuery({
    queryKey: ['analytics', 'trends', query, bucket],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/analytics/trends', { params: { query: { ...query, bucket } }, signal })),
    placeholderData: (previous) => previous,
  });
  const data = trends.data;
  // From the answer shown (the previous one stays up while the other bucket loads).
  const unit = (data?.bucket ?? bucket) === 'day' ? 'day' : 'week';
  return (
    <div className="space-y-6">
      <Card
        title="Rising terms"
        description="Words and hashtags used in at least two texts this period and in more texts than in the period of the same length before, most gained first. A text counts once however often it says a term; growth is the change in percent, “new” where the term was not used before."
      >
        <QueryState query={trends} label="rising terms">
          {data && data.rising.length > 0 ? (
            <RisingTermsTable terms={data.rising} caption="Rising terms and hashtags" />
          ) : (
            <p className="text-sm text-slate-600">Nothing is rising in this period yet.</p>
          )}
        </QueryState>
      </Card>
      <Card
        title="Most used terms"
        description={`Texts using each term per ${unit} (${timeZone}${unit === 'week' ? ', weeks from Monday' : ''}), each line on its own scale.`}
        aside={
          <div role="group" aria-label="Count per" className="flex shrink-0 gap-1">
            {BUCKETS.map(([value, label]) => (
              <button
                key={value}
                type="button"
                aria-pressed={bucket === value}
                onClick={() => setBucket(value)}
                className={`rounded-md px-2.5 py-1 text-xs ring-1 ${
                  bucket === value
                    ? 'bg-slate-900 text-white ring-slate-900'
                    : 'bg-white text-slate-700 ring-slate-300'
                }`}
              >
                {label}
              </button>
            ))}
          </div>
        }
      >
        <QueryState query={trends} label="most used terms">
          {data && data.terms.length > 0 ? (
            <SmallMultiples
              title={`Texts per ${unit} using the most used terms`}
              buckets={data.buckets.map((first) => first.slice(5))}
              items={data.terms.slice(0, MULTIPLES).map((term) => ({
                label: term.term,
                values: term.counts,
                note: `${NUMBER.format(term.total)} ${term.total === 1 ? 'text' : 'texts'}, ${growthText(term)} · ${sourcesText(term.bySource)}`,
              }))}
            />
          ) : (
            <p className="text-sm text-slate-600">No texts in this period.</p>
          )}
        </QueryState>
      </Card>
      {data ? (
        <p className="text-xs text-slate-500">
          Read {NUMBER.format(data.texts.ownPosts)} of your posts, {NUMBER.format(data.texts.mentions)}{' '}
          mentions and {NUMBER.format(data.texts.competitorPosts)} competitor posts · as of{' '}
          {formatDateTime(data.asOf, timeZone)} · {data.source}. Hashtags compare case-insensitively; words
          leave out links, mentions, numbers and common English, German, French and Spanish words.
        </p>
      ) : null}
    </div>
  );
}
