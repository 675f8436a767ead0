import type { Clock, KeyValue } from '../ports';
import { DEFAULT_SWEEP_POLICY } from './sweep-post-targets';

/**
 * How long after its time a target may still need the sweep: a claim's lease, the look-up's
 * settling time and its retries after failures all fit well inside.
 */
const AFTER_CLAIM_MS = 30 * 60 * 1000;

/**
 * The sweep runs every 5 minutes, and Aurora Serverless only pauses after 5 idle minutes:
 * querying every time would keep it awake (and billed) forever. So whoever schedules or
 * claims a target extends this marker past the moment the sweep could still have work for
 * it, and the sweep skips the database while no marker is live.
 */
const MARKER = { pk: 'sweep', sk: 'targets-in-flight' } as const;

export async function markTargetsInFlight(kv: KeyValue, clock: Clock, until: Date): Promise<void> {
  const horizon = Math.ceil((until.getTime() + DEFAULT_SWEEP_POLICY.missedAfterMs + AFTER_CLAIM_MS) / 1000);
  const current = await kv.get<null>(MARKER.pk, MARKER.sk);
  if ((current?.expiresAt ?? 0) >= horizon) return;
  await kv.put({
    ...MARKER,
    value: null,
    expiresAt: Math.max(horizon, Math.ceil(clock.now().getTime() / 1000) + 60),
  });
}

export async function targetsMayBeInFlight(kv: KeyValue): Promise<boolean> {
  return (await kv.get(MARKER.pk, MARKER.sk)) !== undefined;
}
