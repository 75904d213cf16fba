import { foldText } from '../core/textMatch';
import { APPLICATION_KINDS, numberedSteps, type ApplicationKind } from '../flow/flowSteps';
import { OPEN_STATUSES, TICKET_KINDS, type Ticket, type TicketKind } from '../tickets/ticket';
import { workingMillisBetween, type WorkingCalendar } from '../core/workingHours';
import type { UnansweredQuestion } from '../understanding/questionLog';
import type { InsightEvent } from './insightLog';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const TOP_ANSWERS = 10;
const TOP_STOPS = 3;
/** Two questions whose folded words overlap this much (Jaccard) are one group. */
const SIMILAR = 0.5;
/**
 * A group is shown once this many questions are in it. A name typed once (or twice: people rephrase
 * a question the bot did not answer) then stays out of the staff channel's report and digest, while
 * what keeps coming back, the point of the list, is in. `npm run questions` still lists every one.
 */
export const SHOWN_FROM_ASKED = 3;

interface FunnelStep {
    number: number;
    stepId: string;
    /** Distinct people (per rotation month) who reached the step. */
    reached: number;
    /** Reached this step but not the next (for the last step: did not finish). */
    dropOff: number;
    /** Stopped here: no step after it, not finished, idle for the idle days or "continue later". */
    stopped: number;
}

export interface Funnel {
    kind: ApplicationKind;
    started: number;
    finished: number;
    steps: FunnelStep[];
    /** The three steps where most people stopped, most first (only steps where someone did). */
    mostStopped: FunnelStep[];
}

interface QuestionCluster {
    text: string;
    count: number;
    /** Of them, the ones the bot offered answers for ("did you mean") instead of none. */
    unsure: number;
    steps: string[];
}

interface TicketFigures {
    openedPerKind: Record<TicketKind, number>;
    /** Median working hours from opening to the first claim (or assignment); null without any. */
    medianHoursToClaim: number | null;
    medianHoursToResolve: number | null;
    openNow: number;
    oldestOpen: { number: number; kind: TicketKind; createdAt: number; workingHours: number } | null;
}

export interface InsightReport {
    from: number;
    to: number;
    idleDays: number;
    funnels: Funnel[];
    answers: Array<{ answerId: string; count: number }>;
    /** Groups asked at least `SHOWN_FROM_ASKED` times. */
    unanswered: QuestionCluster[];
    /** Questions in smaller groups: counted, not shown. */
    unansweredNotShown: number;
    tickets: TicketFigures;
}

export interface ReportInput {
    from: number;
    to: number;
    now: number;
    idleDays: number;
    calendar: WorkingCalendar;
    events: readonly InsightEvent[];
    questions: readonly UnansweredQuestion[];
    /** Every ticket the store holds (open and closed); the window picks the opened ones. */
    tickets: readonly Ticket[];
}

export function buildInsightReport(input: ReportInput): InsightReport {
    return {
        from: input.from,
        to: input.to,
        idleDays: input.idleDays,
        funnels: APPLICATION_KINDS.map((kind) => funnelOf(kind, input)),
        answers: answersOf(input.events),
        ...unansweredOf(input.questions),
        tickets: ticketFigures(input),
    };
}

interface Journey {
    numbers: Set<number>;
    last: number;
    lastAt: number;
    finished: boolean;
    later: boolean;
}

function funnelOf(kind: ApplicationKind, input: ReportInput): Funnel {
    const journeys = new Map<string, Journey>();
    for (const event of input.events) {
        if (event.kind !== kind || !event.visitor) continue;
        let journey = journeys.get(event.visitor);
        if (!journey) journeys.set(event.visitor, (journey = { numbers: new Set(), last: 0, lastAt: 0, finished: false, later: false }));
        if (event.type === 'stepReached' && event.stepNumber) {
            journey.numbers.add(event.stepNumber);
            journey.last = event.stepNumber;
            journey.lastAt = event.at;
            journey.later = false;
        } else if (event.type === 'flowFinished') {
            journey.finished = true;
        } else if (event.type === 'flowLeft') {
            journey.later = true;
            journey.lastAt = event.at;
        }
    }
    const ids = numberedSteps(kind);
    const all = [...journeys.values()].filter((journey) => journey.numbers.size > 0);
    const idleSince = input.now - input.idleDays * DAY;
    const steps: FunnelStep[] = ids.map((stepId, index) => {
        const number = index + 1;
        const reached = all.filter((journey) => journey.numbers.has(number)).length;
        const stopped = all.filter((journey) => !journey.finished && journey.last === number && (journey.later || journey.lastAt < idleSince)).length;
        return { number, stepId, reached, dropOff: 0, stopped };
    });
    const finished = all.filter((journey) => journey.finished).length;
    steps.forEach((step, index) => {
        const next = index + 1 < steps.length ? steps[index + 1].reached : finished;
        step.dropOff = Math.max(0, step.reached - next);
    });
    const mostStopped = steps
        .filter((step) => step.stopped > 0)
        .sort((a, b) => b.stopped - a.stopped || a.number - b.number)
        .slice(0, TOP_STOPS);
    return { kind, started: all.length, finished, steps, mostStopped };
}

function answersOf(events: readonly InsightEvent[]): Array<{ answerId: string; count: number }> {
    const counts = new Map<string, number>();
    for (const event of events) if (event.type === 'answerGiven' && event.detail) counts.set(event.detail, (counts.get(event.detail) ?? 0) + 1);
    return [...counts]
        .map(([answerId, count]) => ({ answerId, count }))
        .sort((a, b) => b.count - a.count)
        .slice(0, TOP_ANSWERS);
}

const wordsOf = (text: string) =>
    new Set(
        foldText(text)
            .split(/[^\p{L}\p{N}]+/u)
            .filter((word) => word.length > 1),
    );

function similarity(a: Set<string>, b: Set<string>): number {
    if (a.size === 0 && b.size === 0) return 1;
    let shared = 0;
    for (const word of a) if (b.has(word)) shared++;
    return shared / (a.size + b.size - shared);
}

/** Questions whose words (folded: case and Turkish letters aside) mostly overlap form one group; most asked first. */
function clusterQuestions(questions: readonly UnansweredQuestion[]): QuestionCluster[] {
    const groups: Array<{ words: Set<string>; texts: string[]; unsure: number; steps: Set<string> }> = [];
    for (const question of questions) {
        const words = wordsOf(question.text);
        let group = groups.find((candidate) => similarity(candidate.words, words) >= SIMILAR);
        if (!group) groups.push((group = { words, texts: [], unsure: 0, steps: new Set() }));
        group.texts.push(question.text.trim());
        if (question.outcome === 'unsure') group.unsure++;
        if (question.stepId) group.steps.add(question.stepId);
    }
    return groups.sort((a, b) => b.texts.length - a.texts.length).map((group) => ({ text: group.texts[0], count: group.texts.length, unsure: group.unsure, steps: [...group.steps] }));
}

function unansweredOf(questions: readonly UnansweredQuestion[]): Pick<InsightReport, 'unanswered' | 'unansweredNotShown'> {
    const clusters = clusterQuestions(questions);
    const shown = clusters.filter((cluster) => cluster.count >= SHOWN_FROM_ASKED);
    return { unanswered: shown, unansweredNotShown: questions.length - shown.reduce((sum, cluster) => sum + cluster.count, 0) };
}

function median(values: number[]): number | null {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return Math.round((value / HOUR) * 10) / 10;
}

function ticketFigures(input: ReportInput): TicketFigures {
    const opened = input.tickets.filter((ticket) => ticket.createdAt >= input.from && ticket.createdAt < input.to);
    const openedPerKind = Object.fromEntries(TICKET_KINDS.map((kind) => [kind, opened.filter((ticket) => ticket.kind === kind).length])) as Record<TicketKind, number>;
    const firstAt = (ticket: Ticket, actions: readonly string[]) => ticket.history.find((entry) => actions.includes(entry.action))?.at;
    const waits = (actions: readonly string[]) =>
        opened.flatMap((ticket) => {
            const at = firstAt(ticket, actions);
            return at === undefined ? [] : [workingMillisBetween(ticket.createdAt, at, input.calendar)];
        });
    const open = input.tickets.filter((ticket) => OPEN_STATUSES.includes(ticket.status)).sort((a, b) => a.createdAt - b.createdAt);
    const oldest = open[0];
    return {
        openedPerKind,
        medianHoursToClaim: median(waits(['claimed', 'assigned'])),
        medianHoursToResolve: median(waits(['resolved'])),
        openNow: open.length,
        oldestOpen: oldest
            ? {
                  number: oldest.number,
                  kind: oldest.kind,
                  createdAt: oldest.createdAt,
                  workingHours: Math.round((workingMillisBetween(oldest.createdAt, input.now, input.calendar) / HOUR) * 10) / 10,
              }
            : null,
    };
}
