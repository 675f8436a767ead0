import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { unwrap } from '../../../api/client';
import { useServices } from '../../../app/services';
import { useSignedInUser } from '../../../auth/use-session';
import { Card } from '../../../components/Card';
import { INPUT_CLASS, inputRing } from '../../../components/form/field-ids';
import { QueryState } from '../../../components/QueryState';
import { browserTimeZone } from '../../../lib/time-zones';
import { AlertCard } from '../crisis/AlertCard';
import { MentionsTable } from '../crisis/MentionsTable';
import { ALERTS_KEY } from '../crisis/query-keys';

const KINDS = { crisis: 'Crisis', anomaly: 'Performance anomalies', summary: 'Weekly summaries' } as const;
type Kind = keyof typeof KINDS;
const isKind = (value: string | null): value is Kind => value !== null && Object.hasOwn(KINDS, value);

/**
 * The watching agents' view: crisis alerts (by default) still open or acknowledged, each with
 * its evidence against the baseline, the performance tracker's anomalies and summaries, and
 * the mentions they read. `?alert=` (a notification's link) shows every kind, that one marked.
 */
export function CrisisView() {
  const id = useId();
  const { api } = useServices();
  const { user } = useSignedInUser();
  const timeZone = user.timezone || browserTimeZone();
  const [params, setParams] = useSearchParams();
  const linked = params.get('alert');
  const asked = params.get('kind');
  // `kind=all`, or a linked alert of a kind not yet known, lists every kind.
  const kind: Kind | null = isKind(asked) ? asked : asked === 'all' || linked ? null : 'crisis';
  const query = { pageSize: 50, ...(kind ? { kind } : {}) };
  const alerts = useQuery({
    queryKey: [...ALERTS_KEY, query],
    queryFn: ({ signal }) => unwrap(api.GET('/ai-agents/alerts', { params: { query }, signal })),
  });
  // A summary is stored resolved (it is read, not handled): those are all shown.
  const active = (alerts.data?.items ?? []).filter(
    (alert) => alert.status !== 'resolved' || kind === 'summary' || alert.id === linked,
  );
  return (
    <div className="space-y-6">
      <Card
        title="Alerts"
        description="Raised when mentions, or their negative share, rise well above your usual for the hour and day, and when a metric leaves its usual range."
      >
        <div className="mb-4 max-w-xs">
          <label htmlFor={`${id}-kind`} className="block text-xs font-medium text-slate-600">
            Kind
          </label>
          <select
            id={`${id}-kind`}
            value={kind ?? 'all'}
            onChange={(event) => setParams({ view: 'crisis', kind: event.target.value })}
            className={`${INPUT_CLASS} ${inputRing(null)} mt-1`}
          >
            <option value="all">Every kind</option>
            {Object.entries(KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <QueryState query={alerts} label="alerts">
          {alerts.data ? (
            active.length === 0 ? (
              <p className="text-sm text-slate-600">No open alert. Plume keeps watching your mentions.</p>
            ) : (
              <ul className="space-y-3" aria-label="Open alerts">
                {active.map((alert) => (
                  <AlertCard key={alert.id} alert={alert} timeZone={timeZone} marked={alert.id === linked} />
                ))}
              </ul>
            )
          ) : null}
        </QueryState>
      </Card>
      <Card title="Mentions" description="What people say to and about your accounts, with its sentiment.">
        <MentionsTable timeZone={timeZone} />
      </Card>
    </div>
  );
}
