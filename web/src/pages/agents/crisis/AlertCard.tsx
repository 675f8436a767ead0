import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { unwrap } from '../../../api/client';
import { isApiProblem } from '../../../api/problem';
import type { components } from '../../../api/schema.gen';
import { useServices } from '../../../app/services';
import { useSignedInUser } from '../../../auth/use-session';
import { Badge } from '../../../components/Badge';
import type { BadgeTone } from '../../../components/badge-tones';
import { Button } from '../../../components/Button';
import { FormProblem } from '../../../components/FormProblem';
import { formatDateTime } from '../../../lib/dates';
import { readCrisisDetails } from './crisis-details';
import { EvidenceTable } from './EvidenceTable';
import { ALERTS_KEY } from './query-keys';

export type AgentAlert = components['schemas']['AgentAlert'];

const SEVERITY: Record<AgentAlert['severity'], { label: string; tone: BadgeTone }> = {
  error: { label: 'Crisis', tone: 'danger' },
  warning: { label: 'Watch', tone: 'warning' },
  info: { label: 'Info', tone: 'neutral' },
  success: { label: 'Good news', tone: 'success' },
};

const STATUS: Record<AgentAlert['status'], string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

/** One alert: severity, the evidence against the baseline, sample mentions, and a manager's steps. */
export function AlertCard({
  alert,
  timeZone,
  marked = false,
}: {
  alert: AgentAlert;
  timeZone: string;
  /** The alert a notification linked to: outlined and scrolled to. */
  marked?: boolean;
}) {
  const { api } = useServices();
  const { can } = useSignedInUser();
  const queryClient = useQueryClient();
  const details = readCrisisDetails(alert.details);
  const step = useMutation({
    mutationFn: (action: 'acknowledge' | 'resolve') =>
      unwrap(api.POST(`/ai-agents/alerts/{id}/${action}`, { params: { path: { id: alert.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ALERTS_KEY }),
  });
  const severity = SEVERITY[alert.severity];
  const item = useRef<HTMLLIElement>(null);
  // Once, when the linked alert first shows, not again on every refetch.
  useEffect(() => {
    if (marked) item.current?.scrollIntoView({ block: 'nearest' });
  }, [marked]);
  const reason = typeof alert.details.reason === 'string' ? alert.details.reason : null;
  return (
    <li
      ref={item}
      aria-current={marked || undefined}
      className={`min-w-0 rounded-xl border bg-white p-4 shadow-xs ${marked ? 'border-brand-500 ring-2 ring-brand-200' : 'border-slate-200'}`}
      aria-label={alert.title}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={severity.tone}>{severity.label}</Badge>
        <p className="font-medium break-words text-slate-900">{alert.title}</p>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {STATUS[alert.status]} · since {formatDateTime(alert.startedAt, timeZone)} · detected{' '}
        {formatDateTime(alert.detectedAt, timeZone)}
      </p>
      {reason ? <p className="mt-2 text-sm break-words text-slate-700">{reason}</p> : null}
      {details.evidence ? (
        <div className="mt-3 overflow-x-auto">
          <EvidenceTable evidence={details.evidence} />
        </div>
      ) : null}
      {details.baseline && !details.baseline.supported ? (
        <p className="mt-2 text-xs text-slate-500">No baseline yet: {details.baseline.reason}</p>
      ) : null}
      {details.samples.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-700">
            Sample mentions ({details.samples.length})
          </summary>
          <ul className="mt-2 space-y-2">
            {details.samples.map((sample) => (
              <li key={sample.id} className="break-words text-slate-700">
                <span className="text-xs text-slate-500">{formatDateTime(sample.at, timeZone)} · </span>
                {sample.url ? (
                  <a href={sample.url} target="_blank" rel="noreferrer" className="underline">
                    {sample.content}
                  </a>
                ) : (
                  sample.content
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {can('manager') && alert.status !== 'resolved' ? (
        <div className="mt-3 space-y-2">
          <FormProblem problem={isApiProblem(step.error) ? step.error : null} />
          <div className="flex flex-wrap gap-2">
            {alert.status === 'open' ? (
              <Button
                size="sm"
                variant="secondary"
                busy={step.isPending && step.variables === 'acknowledge'}
                onClick={() => step.mutate('acknowledge')}
              >
                Acknowledge
              </Button>
            ) : null}
            <Button
              size="sm"
              busy={step.isPending && step.variables === 'resolve'}
              onClick={() => step.mutate('resolve')}
            >
              Resolve
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
