import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../api/client';
import { useServices } from '../../../app/services';
import { useSignedInUser } from '../../../auth/use-session';
import { Card } from '../../../components/Card';
import { QueryState } from '../../../components/QueryState';
import { browserTimeZone } from '../../../lib/time-zones';
import { AlertCard } from '../crisis/AlertCard';
import { MentionsTable } from '../crisis/MentionsTable';
import { ALERTS_KEY } from '../crisis/query-keys';

/**
 * The crisis manager's view: its alerts still open or acknowledged, each with its evidence
 * against the baseline, and the mentions it reads.
 */
export function CrisisView() {
  const { api } = useServices();
  const { user } = useSignedInUser();
  const timeZone = user.timezone || browserTimeZone();
  const query = { kind: 'crisis', pageSize: 50 } as const;
  const alerts = useQuery({
    queryKey: [...ALERTS_KEY, query],
    queryFn: ({ signal }) => unwrap(api.GET('/ai-agents/alerts', { params: { query }, signal })),
  });
  const active = (alerts.data?.items ?? []).filter((alert) => alert.status !== 'resolved');
  return (
    <div className="space-y-6">
      <Card
        title="Crisis alerts"
        description="Raised when mentions, or their negative share, rise well above your usual for the hour and day."
      >
        <QueryState query={alerts} label="alerts">
          {alerts.data ? (
            active.length === 0 ? (
              <p className="text-sm text-slate-600">No open alert. Plume keeps watching your mentions.</p>
            ) : (
              <ul className="space-y-3" aria-label="Open alerts">
                {active.map((alert) => (
                  <AlertCard key={alert.id} alert={alert} timeZone={timeZone} />
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
