import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { Ticket } from '../tickets/ticket';
import { localTimestamp } from '../tickets/ticketReport';
import { isWorkingTime, type WorkingCalendar } from '../core/workingHours';
import type { QuestionLog } from '../understanding/questionLog';
import type { InsightLog } from './insightLog';
import { buildInsightReport, type InsightReport } from './insightReport';

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface InsightSources {
    insights: InsightLog;
    questions: QuestionLog;
    /** Every ticket (open and closed), for the ticket figures read from their history. */
    listTickets(): Promise<Ticket[]>;
    calendar: WorkingCalendar;
    /** INSIGHTS_IDLE_DAYS. */
    idleDays: number;
}

/** The report for [from, to), as of `now`: the CLI, the staff card and the digest all come through here. */
export async function gatherReport(sources: InsightSources, from: number, to: number, now: number): Promise<InsightReport> {
    const [events, questions, tickets] = await Promise.all([sources.insights.list(from, to), sources.questions.list(from, to), sources.listTickets()]);
    return buildInsightReport({ from, to, now, idleDays: sources.idleDays, calendar: sources.calendar, events, questions, tickets });
}

/** The local day (YYYY-MM-DD) of the Monday of the week `at` falls in: the digest's key. */
function weekOf(at: number, timeZone: string): string {
    const day = localTimestamp(at, timeZone).slice(0, 10);
    const noon = Date.parse(`${day}T12:00:00Z`);
    const sinceMonday = (new Date(noon).getUTCDay() + 6) % 7;
    return new Date(noon - sinceMonday * DAY).toISOString().slice(0, 10);
}

export interface DigestOptions {
    sources: InsightSources;
    clock: Clock;
    logger: Logger;
    /** This instance, for the lease. */
    owner: string;
    /** How long a claimed digest is this instance's to send; after that another may (default 10 minutes). */
    leaseMs?: number;
    /** Posts the digest to the staff channel; throws when it could not. */
    post(report: InsightReport): Promise<void>;
}

/**
 * The weekly digest: sent at the first sweep in working time of each week (Monday's first working
 * hour, or the first after it when the bot was down), covering the seven days before. Every
 * instance may call it: the digest of a week is leased in the insight store like a notice in the
 * ticket outbox, so exactly one instance posts it; if that one fails, the lease runs out and
 * another tries. True when this call posted it.
 */
export async function sendWeeklyDigest(options: DigestOptions): Promise<boolean> {
    const now = options.clock.now();
    const { calendar, insights } = options.sources;
    if (!isWorkingTime(now, calendar)) return false;
    const week = weekOf(now, calendar.timeZone);
    if (!(await insights.claimDigest(`week-${week}`, options.owner, now + (options.leaseMs ?? 10 * MINUTE), now))) return false;
    const to = now + 1;
    const report = await gatherReport(options.sources, to - 7 * DAY, to, now);
    await options.post(report);
    await insights.markDigestSent(`week-${week}`, options.clock.now());
    options.logger.info('weekly digest posted to the staff channel', { week });
    return true;
}
