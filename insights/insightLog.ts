import { createHmac } from 'crypto';
import type { ApplicationKind } from '../flow/flowSteps';

/**
 * Anonymous usage events for the library's report (`npm run report`, the staff "rapor" card, the
 * weekly digest). An event says what happened, where in the flow, in which language and channel,
 * and when — never who: no user id, no conversation id, no name, no typed text. Questions the bot
 * could not answer stay in the question log (masked text, step); ticket figures are read from the
 * tickets' own history. Deleted after DATA_RETENTION_DAYS like everything else.
 */
type InsightEventType = 'stepReached' | 'flowFinished' | 'flowLeft' | 'answerGiven';

export interface InsightEvent {
    type: InsightEventType;
    at: number;
    /** The application kind of the guided flow (not for answers). */
    kind?: ApplicationKind;
    /** The step reached or left (its id) and its number as the user saw it counted. */
    stepId?: string;
    stepNumber?: number;
    language?: 'tr' | 'en';
    /** The Bot Framework channel: `msteams`, `webchat`, `directline`… */
    channel?: string;
    /** flowFinished: the approval method; flowLeft: `later`; answerGiven: the answer id. */
    detail?: string;
    /**
     * Only on flow events, to count people and not clicks: a keyed hash of the user id and the
     * month (`visitorHash`). The key is not stored with the events and the month changes it, so
     * the same person cannot be followed from one month to the next, nor found from a user id
     * without the key.
     */
    visitor?: string;
}

export interface InsightLog {
    /** Keeps the event's own fields, nothing else of the caller's object. */
    record(event: InsightEvent): Promise<void>;
    /**
     * Several events in one write (the buffered log's flush), each kept as `record` keeps it. On a
     * rejection the caller passes the same events again later, so it must be all or nothing (one
     * transaction). Optional (SQLite has it): without it the caller records them one by one.
     */
    recordMany?(events: InsightEvent[]): Promise<void>;
    /** The events in [from, to), oldest first. */
    list(from: number, to: number): Promise<InsightEvent[]>;
    /** Retention: deletes the events before `cutoff`; answers how many. */
    deleteOlderThan(cutoff: number): Promise<number>;
    /**
     * The weekly digest's lease, like a notice in the ticket outbox: true when `owner` now holds
     * digest `key` until `until`; false when it was sent already or another owner's lease has not
     * run out at `now`. A conditional write, so of two instances at once one wins.
     */
    claimDigest(key: string, owner: string, until: number, now: number): Promise<boolean>;
    /** The digest went out: it is never claimed again. */
    markDigestSent(key: string, at: number): Promise<void>;
}

/** What a store keeps of an event: only the declared fields, the ones that are set. */
export function eventToKeep(event: InsightEvent): InsightEvent {
    const kept: InsightEvent = { type: event.type, at: event.at };
    if (event.kind !== undefined) kept.kind = event.kind;
    if (event.stepId !== undefined) kept.stepId = event.stepId;
    if (event.stepNumber !== undefined) kept.stepNumber = event.stepNumber;
    if (event.language !== undefined) kept.language = event.language;
    if (event.channel !== undefined) kept.channel = event.channel.slice(0, 40);
    if (event.detail !== undefined) kept.detail = event.detail.slice(0, 80);
    if (event.visitor !== undefined) kept.visitor = event.visitor;
    return kept;
}

/** The month (UTC) the hash key rotates with. */
function rotationPeriod(at: number): string {
    return new Date(at).toISOString().slice(0, 7);
}

/** HMAC-SHA256 of period + user id under the deployment's key, cut to 16 hex characters. */
export function visitorHash(key: string, userId: string, at: number): string {
    return createHmac('sha256', key)
        .update(`${rotationPeriod(at)}\n${userId}`)
        .digest('hex')
        .slice(0, 16);
}
