import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { fetchHealth } from '../../api/health';
import { PUBLIC_QUERY } from '../../api/query-client';
import { useServices } from '../../app/services';
import { InstallationCard } from './InstallationCard';
import { HEALTH_QUERY_KEY, SystemStatusCard } from './SystemStatusCard';

/**
 * The installation's health as one small button: a dot and a word, which opens the full
 * details (API version, database, where the dashboard talks to). The overview is about the
 * organization's posts; the health check is for when something seems wrong.
 */
export function StatusItem() {
  const { api } = useServices();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  // Same key as SystemStatusCard: the badge and the opened card share one request.
  const health = useQuery({
    queryKey: HEALTH_QUERY_KEY,
    queryFn: ({ signal }) => fetchHealth(api, signal),
    refetchInterval: 60_000,
    meta: PUBLIC_QUERY,
  });
  const [word, dot] = health.data
    ? health.data.status === 'ok'
      ? ['Operational', 'bg-emerald-500']
      : ['Degraded', 'bg-amber-500']
    : health.isError
      ? ['Unreachable', 'bg-rose-500']
      : ['Checking', 'bg-slate-300'];
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
        className="inline-flex items-center gap-2 rounded-full px-3 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
      >
        <span className={`size-2 rounded-full ${dot}`} aria-hidden="true" />
        <span>System status: {word}</span>
      </button>
      <div id={panelId} hidden={!open} className="mt-4 grid gap-6 lg:grid-cols-2">
        {open ? (
          <>
            <SystemStatusCard />
            <InstallationCard />
          </>
        ) : null}
      </div>
    </div>
  );
}
