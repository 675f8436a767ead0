import type { Clock } from '../../core/ports';

/** The real time. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
