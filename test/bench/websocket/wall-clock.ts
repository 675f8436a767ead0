/**
 * Sub-millisecond wall-clock time, comparable between the bench's processes on one machine:
 * each process's `performance.timeOrigin` is the system clock at its start (microseconds).
 * The offsets that remain are measured (`clock-offset.ts`) and taken out.
 */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
