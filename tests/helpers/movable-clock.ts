import type { Clock } from '@server/clock';

/** The wall clock plus an offset that tests move forward (token expiry, SLA thresholds). */
export class MovableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
