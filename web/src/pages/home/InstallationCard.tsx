import type { ReactNode } from 'react';
import { useServices } from '../../app/services';
import { Card } from '../../components/Card';
import { useRealtimeState } from '../../realtime/use-realtime';

/** Where this dashboard is talking to, straight from /config.json. */
export function InstallationCard() {
  const { config } = useServices();
  const live = useRealtimeState();
  return (
    <Card title="This installation" description="Read at start-up from /config.json.">
      <dl className="divide-y divide-slate-100 text-sm">
        <Row label="API">
          <code className="font-mono text-[13px] break-all">{config.apiUrl}</code>
        </Row>
        <Row label="Live updates">
          <code className="font-mono text-[13px] break-all">{config.wsUrl}</code>
          {live.status === 'unavailable' && live.reason ? (
            <span className="mt-0.5 block text-xs font-normal text-slate-500">{live.reason}</span>
          ) : null}
        </Row>
        <Row label="AWS region">
          {config.region ?? <span className="text-slate-500">None (local runtime)</span>}
        </Row>
      </dl>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-2.5 first:pt-0 last:pb-0 sm:flex-row sm:justify-between sm:gap-4">
      <dt className="shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 font-medium text-slate-900 sm:text-right">{children}</dd>
    </div>
  );
}
