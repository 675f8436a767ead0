import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { useServices } from '../../../app/services';
import { Badge } from '../../../components/Badge';
import type { BadgeTone } from '../../../components/badge-tones';
import { INPUT_CLASS, inputRing } from '../../../components/form/field-ids';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/dates';
import { PlatformBadge } from '../../../publishing/PlatformBadge';
import { MENTIONS_KEY } from './query-keys';

type Sentiment = NonNullable<components['schemas']['Mention']['sentimentLabel']>;

const SENTIMENT: Record<Sentiment, { label: string; tone: BadgeTone }> = {
  negative: { label: 'Negative', tone: 'danger' },
  neutral: { label: 'Neutral', tone: 'neutral' },
  positive: { label: 'Positive', tone: 'success' },
};
const PAGE_SIZE = 20;

/** Mentions of the brand, newest first, narrowed by sentiment. */
export function MentionsTable({ timeZone }: { timeZone: string }) {
  const id = useId();
  const { api } = useServices();
  const [sentiment, setSentiment] = useState<Sentiment | ''>('');
  const [page, setPage] = useState(1);
  const query = { page, pageSize: PAGE_SIZE, ...(sentiment ? { sentiment } : {}) };
  const mentions = useQuery({
    queryKey: [...MENTIONS_KEY, query],
    queryFn: ({ signal }) => unwrap(api.GET('/ai-agents/mentions', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((mentions.data?.total ?? 0) / PAGE_SIZE));
  return (
    <div className="space-y-3">
      <div className="max-w-xs">
        <label htmlFor={`${id}-sentiment`} className="block text-xs font-medium text-slate-600">
          Sentiment
        </label>
        <select
          id={`${id}-sentiment`}
          value={sentiment}
          onChange={(event) => {
            setSentiment(event.target.value as Sentiment | '');
            setPage(1);
          }}
          className={`${INPUT_CLASS} ${inputRing(null)} mt-1`}
        >
          <option value="">Any sentiment</option>
          {Object.entries(SENTIMENT).map(([value, look]) => (
            <option key={value} value={value}>
              {look.label}
            </option>
          ))}
        </select>
      </div>
      <QueryState query={mentions} label="mentions">
        {mentions.data ? (
          mentions.data.items.length === 0 ? (
            <p className="text-sm text-slate-600">
              No mentions{sentiment ? ' with this sentiment' : ''} yet. They are read from your connected
              accounts every few minutes.
            </p>
          ) : (
            <>
              <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="sr-only">Mentions, newest first</caption>
                  <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
                    <tr>
                      <th scope="col" className="px-3 py-2">
                        Mention
                      </th>
                      <th scope="col" className="px-3 py-2">
                        Sentiment
                      </th>
                      <th scope="col" className="px-3 py-2">
                        When
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {mentions.data.items.map((mention) => (
                      <tr key={mention.id} className="align-top">
                        <td className="max-w-md min-w-48 px-3 py-2">
                          <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                            <PlatformBadge platform={mention.platform} />
                            {mention.authorName ?? mention.authorHandle ?? 'Someone'} · {mention.kind}
                          </p>
                          <p className="mt-1 break-words text-slate-800">{mention.content}</p>
                        </td>
                        <td className="px-3 py-2">
                          {mention.sentimentLabel ? (
                            <Badge tone={SENTIMENT[mention.sentimentLabel].tone}>
                              {SENTIMENT[mention.sentimentLabel].label}
                            </Badge>
                          ) : (
                            <span className="text-xs text-slate-500">Not scored</span>
                          )}
                        </td>
                        <td className="px-3 py-2 whitespace-nowrap text-slate-700">
                          {formatDateTime(mention.mentionedAt, timeZone)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                page={page}
                pageCount={pages}
                summary={`${mentions.data.total} mentions · page ${page} of ${pages}`}
                onPage={setPage}
              />
            </>
          )
        ) : null}
      </QueryState>
    </div>
  );
}
