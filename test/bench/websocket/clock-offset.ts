import { wallClockMs } from './wall-clock';

export interface ClockOffset {
  /** Child clock minus this process's clock, ms: subtract it from the child's times. */
  offsetMs: number;
  /** Round trip of the sample the offset comes from (its error is at most half of it). */
  roundTripMs: number;
}

/**
 * NTP's trick over IPC: ask the child for its clock several times and keep the sample
 * with the shortest round trip, assuming the answer was taken halfway through it.
 */
export async function measureClockOffset(
  child: { call<T>(method: string, args?: unknown): Promise<T> },
  samples = 20,
): Promise<ClockOffset> {
  let best: ClockOffset = { offsetMs: 0, roundTripMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i += 1) {
    const sent = wallClockMs();
    const childNow = await child.call<number>('clock');
    const received = wallClockMs();
    const roundTripMs = received - sent;
    if (roundTripMs < best.roundTripMs) best = { offsetMs: childNow - (sent + received) / 2, roundTripMs };
  }
  return best;
}
