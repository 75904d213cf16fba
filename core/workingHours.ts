import { InternalError } from './errors';
/** The library's working week: a daily window of local wall time, Monday to Friday, in one time zone. */
export interface WorkingCalendar {
    timeZone: string;
    /** Minutes after local midnight when the working day starts. */
    startMinute: number;
    /** Minutes after local midnight when it ends (exclusive). */
    endMinute: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Builds a calendar from WORKING_HOURS ("08:30-17:30") and WORKING_TIME_ZONE; throws on nonsense. */
export function workingCalendar(window: string, timeZone: string): WorkingCalendar {
    const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(window.trim());
    if (!match) throw new RangeError(`Working hours must look like 08:30-17:30, not "${window}"`);
    const [startHour, startMinutes, endHour, endMinutes] = match.slice(1).map(Number);
    const startMinute = startHour * 60 + startMinutes;
    const endMinute = endHour * 60 + endMinutes;
    if (startMinutes > 59 || endMinutes > 59 || endMinute > 24 * 60 || startMinute >= endMinute) {
        throw new RangeError(`Working hours "${window}" do not form a window within one day`);
    }
    // Fails now, at start-up, on an unknown zone rather than at the first reminder. The list of
    // canonical zones tells in about 2 ms; a formatter (what an alias such as "Turkey" needs, and
    // what throws the error) loads ICU's date formats, about 18 ms of a start nothing else needs yet.
    if (!Intl.supportedValuesOf('timeZone').includes(timeZone)) formatterFor(timeZone);
    return { timeZone, startMinute, endMinute };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
    let formatter = formatters.get(timeZone);
    if (!formatter) {
        formatter = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
        });
        formatters.set(timeZone, formatter);
    }
    return formatter;
}

/**
 * The local wall time of an instant, written as if it were UTC: calendar arithmetic on it is plain
 * arithmetic, with no offset hard-coded (zones change their rules; Turkey did in 2016).
 */
function wallClock(at: number, timeZone: string): number {
    const parts: Record<string, number> = {};
    for (const part of formatterFor(timeZone).formatToParts(at)) {
        if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) + (((at % 1000) + 1000) % 1000);
}

/** The instant showing `wall` on local clocks (on a DST gap, the instant just after it). */
function instantOf(wall: number, timeZone: string): number {
    let guess = wall - (wallClock(wall, timeZone) - wall);
    // A second pass settles the guess when the offset differs on either side of a transition.
    guess = wall - (wallClock(guess, timeZone) - guess);
    return guess;
}

interface WorkingDay {
    open: number;
    close: number;
}

/** Each local day from the one holding `from` onwards (endless), with its working window as instants; weekends skipped. */
function* workingDays(from: number, calendar: WorkingCalendar): Generator<WorkingDay, never> {
    const wall = wallClock(from, calendar.timeZone);
    for (let midnight = wall - (wall % DAY); ; midnight += DAY) {
        const weekday = new Date(midnight).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        yield {
            open: instantOf(midnight + calendar.startMinute * MINUTE, calendar.timeZone),
            close: instantOf(midnight + calendar.endMinute * MINUTE, calendar.timeZone),
        };
    }
}

export function isWorkingTime(at: number, calendar: WorkingCalendar): boolean {
    // The first working day from `at`'s own day: today if a weekday, else a later day that opens after `at`.
    const { value } = workingDays(at, calendar).next();
    return value !== undefined && value.open <= at && at < value.close;
}

/** Working time that passes between two instants, in milliseconds; 0 when `to` is not after `from`. */
export function workingMillisBetween(from: number, to: number, calendar: WorkingCalendar): number {
    let total = 0;
    if (to <= from) return total;
    for (const day of workingDays(from, calendar)) {
        if (day.open >= to) break;
        total += Math.max(0, Math.min(day.close, to) - Math.max(day.open, from));
    }
    return total;
}

/**
 * The earliest instant by which `hours` working hours have passed since `from`: 4 working hours
 * from Friday 15:00 with an 08:30-17:30 day end on Monday 10:00.
 */
export function addWorkingHours(from: number, hours: number, calendar: WorkingCalendar): number {
    if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError(`Working hours to add must be a finite number ≥ 0, not ${hours}`);
    let remaining = Math.round(hours * HOUR);
    if (remaining === 0) return from;
    for (const day of workingDays(from, calendar)) {
        const start = Math.max(day.open, from);
        if (start >= day.close) continue;
        if (remaining <= day.close - start) return start + remaining;
        remaining -= day.close - start;
    }
    throw new InternalError('unreachable: workingDays never ends');
}

/** Length of one working day, for settings counted in working days (REMINDER_WAITING_WORKING_DAYS). */
export function workingHoursPerDay(calendar: WorkingCalendar): number {
    return (calendar.endMinute - calendar.startMinute) / 60;
}

/** `at` itself when it is working time, else the start of the next working day (renewal reminders). */
export function nextWorkingMoment(at: number, calendar: WorkingCalendar): number {
    for (const day of workingDays(at, calendar)) {
        const start = Math.max(day.open, at);
        if (start < day.close) return start;
    }
    throw new InternalError('unreachable: workingDays never ends');
}
