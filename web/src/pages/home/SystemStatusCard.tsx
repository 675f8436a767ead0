import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { fetchHealth, type Health } from '../../api/health';
import { isApiProblem } from '../../api/problem';
import { PUBLIC_QUERY } from '../../api/query-client';
import { useServices } from '../../app/services';
import { Badge } from '../../components/Badge';
import { Card } from '../../components/Card';
import { Icon } from '../../components/Icon';

export const HEALTH_QUERY_KEY = ['health'] as const;

/** Live health of the API and its database, from `GET /health`. */
export function SystemStatusCard() {
  const { api } = useServices();
  const health = useQuery({
    queryKey: HEALTH_QUERY_KEY,
    queryFn: ({ signal }) => fetchHealth(api, signal),
    refetchInterval: 60_000,
    meta: PUBLIC_QUERY,
  });

  const aside = health.data ? (
    health.data.status === 'ok' ? (
      <Badge tone="success">Operational</Badge>
    ) : (
      <Badge tone="warning">Degraded</Badge>
    )
  ) : health.isError ? (
    <Badge tone="danger">Unreachable</Badge>
  ) : null;

  return (
    <Card title="System status" description="The API and its database, checked every minute." aside={aside}>
      {health.data ? (
        <HealthDetails health={health.data} />
      ) : health.isError ? (
        <div className="text-sm" role="alert">
          <p className="font-medium text-slate-900">
            {isApiProblem(health.error) ? health.error.title : 'The health check failed'}
          </p>
          <p className="mt-1 text-slate-600">
            {isApiProblem(health.error) && health.error.detail
              ? health.error.detail
              : 'The dashboard could not read the API’s health.'}
          </p>
          <button
            type="button"
            onClick={() => void health.refetch()}
            className="mt-3 inline-flex items-center gap-1.5 rounded-lg border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
            <Icon name="refresh" className="size-4" />
            Try again
          </button>
        </div>
      ) : (
        <div role="status" aria-label="Checking health" className="animate-pulse space-y-3 py-1">
          <div className="h-4 w-2/3 rounded bg-slate-100" />
          <div className="h-4 w-1/2 rounded bg-slate-100" />
          <div className="h-4 w-3/5 rounded bg-slate-100" />
        </div>
      )}
    </Card>
  );
}

function HealthDetails({ health }: { health: Health }) {
  const { database } = health;
  const checkedAt = new Date(health.time);
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      <Row label="API version">
        <span className="font-mono text-[13px]">{health.version}</span>
      </Row>
      <Row label="Database">
        {database.ok ? (
          <span className="inline-flex items-center gap-2">
            <span className="size-2 rounded-full bg-emerald-500" aria-hidden="true" />
            Connected
            {database.latencyMs !== undefined ? (
              <span className="text-slate-500">· {formatLatency(database.latencyMs)}</span>
            ) : null}
          </span>
        ) : (
          <span className="inline-flex items-center gap-2 text-rose-700">
            <span className="size-2 rounded-full bg-rose-500" aria-hidden="true" />
            Unreachable{database.error ? ` (${database.error})` : ''}
          </span>
        )}
      </Row>
      <Row label="Checked">
        <time dateTime={health.time} title={checkedAt.toISOString()}>
          {Number.isNaN(checkedAt.getTime()) ? health.time : checkedAt.toLocaleTimeString()}
        </time>
      </Row>
    </dl>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-4 py-2.5 first:pt-0 last:pb-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right font-medium text-slate-900">{children}</dd>
    </div>
  );
}

const formatLatency = (ms: number): string => (ms < 1 ? '<1 ms' : `${Math.round(ms)} ms`);
