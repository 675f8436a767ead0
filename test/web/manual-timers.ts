import type { SessionTimers } from '../../web/src/auth/session-manager';

/** Timers driven by the test: nothing fires until `advance` passes its due time. */
export class ManualTimers implements SessionTimers {
  private now = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { due: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { due: this.now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Delays of the timers still waiting, from now, in ms. */
  get scheduled(): number[] {
    return [...this.pending.values()].map((timer) => timer.due - this.now).sort((a, b) => a - b);
  }

  advance(ms: number): void {
    const target = this.now + ms;
    for (;;) {
      const next = [...this.pending.entries()]
        .filter(([, timer]) => timer.due <= target)
        .sort(([, a], [, b]) => a.due - b.due)[0];
      if (!next) break;
      this.pending.delete(next[0]);
      this.now = next[1].due;
      next[1].callback();
    }
    this.now = target;
  }
}
