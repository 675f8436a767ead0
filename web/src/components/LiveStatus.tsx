import { useRealtimeState } from '../realtime/use-realtime';
import type { ConnectionStatus } from '../realtime/socket';

const PRESENTATION: Record<ConnectionStatus, { label: string; dot: string; pulse?: boolean }> = {
  idle: { label: 'Connecting…', dot: 'bg-slate-300' },
  connecting: { label: 'Connecting…', dot: 'bg-amber-400', pulse: true },
  open: { label: 'Live', dot: 'bg-emerald-500' },
  reconnecting: { label: 'Reconnecting…', dot: 'bg-amber-400', pulse: true },
  unavailable: { label: 'Live updates off', dot: 'bg-slate-300' },
  stopped: { label: 'Offline', dot: 'bg-slate-300' },
};

/** The WebSocket's state as a dot with a label; the reason is in the tooltip. */
export function LiveStatus() {
  const state = useRealtimeState();
  const { label, dot, pulse } = PRESENTATION[state.status];
  return (
    <div
      role="status"
      data-status={state.status}
      title={state.reason ?? label}
      className="flex items-center gap-2 rounded-full px-2 py-1 text-xs font-medium text-slate-600"
    >
      <span className="relative flex size-2.5">
        {pulse ? (
          <span className={`absolute inline-flex size-full animate-ping rounded-full opacity-60 ${dot}`} />
        ) : null}
        <span className={`relative inline-flex size-2.5 rounded-full ${dot}`} />
      </span>
      <span className="sr-only sm:not-sr-only">{label}</span>
    </div>
  );
}
