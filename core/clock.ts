/** The time, injected everywhere it matters so tests can move it. */
export interface Clock {
    now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The start of the minute `at` falls in: what user and conversation state keep of a time. */
export const startOfMinute = (at: number): number => Math.floor(at / MINUTE) * MINUTE;

/** The start of the (UTC) hour `at` falls in: what anonymous usage events keep of a time. */
export const startOfHour = (at: number): number => Math.floor(at / HOUR) * HOUR;
