/** The time, injected everywhere it matters so tests can move it. */
export interface Clock {
    now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
