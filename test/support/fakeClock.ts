import type { Clock } from '../../core/clock';

/** Time that moves only when a test says so. */
export class FakeClock implements Clock {
    constructor(private current = Date.UTC(2026, 10, 27, 9, 0, 0)) {}

    now(): number {
        return this.current;
    }

    advanceMinutes(minutes: number): void {
        this.current += minutes * 60_000;
    }
}
