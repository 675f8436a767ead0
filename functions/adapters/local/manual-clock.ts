import type { Clock } from '../../core/ports';

/** A clock that only moves when told to, so tests never sleep. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string | number = '2025-01-01T00:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(date: Date | string | number): void {
    this.current = new Date(date).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
