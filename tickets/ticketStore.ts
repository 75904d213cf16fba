import type { RenewalReminderStore } from '../renewals/renewalReminderStore';
import type { FailedNotice, NewTicket, Notice, NoticeDraft, Ticket, TicketStatus } from './ticket';

/**
 * Where tickets and their pending notices live. Every write of a ticket is conditional on the
 * eTag it was read with (two staff clicking at once cannot both win), and the notices a change
 * causes are written in the same transaction, so a crash never keeps one without the other.
 * Renewal reminders live here too: their messages are notices of the same outbox.
 */
export interface TicketStore extends RenewalReminderStore {
    /** Stores a new ticket with a fresh unique number and its notices. */
    create(ticket: NewTicket, notices: NoticeDraft[]): Promise<Ticket>;
    get(id: string): Promise<Ticket | undefined>;
    getByNumber(number: number): Promise<Ticket | undefined>;
    findByStaffConversation(conversationId: string): Promise<Ticket | undefined>;
    /**
     * Writes `ticket` if the stored eTag still equals `ticket.eTag`; returns the stored ticket
     * with its new eTag. Throws `ETagConflictError` when someone else wrote first.
     */
    update(ticket: Ticket, notices: NoticeDraft[]): Promise<Ticket>;
    /** Newest first. */
    listByRequester(userId: string): Promise<Ticket[]>;
    /** Newest first; every ticket when no status is given. */
    list(statuses?: readonly TicketStatus[]): Promise<Ticket[]>;
    /** Notices not yet delivered whose `notBefore` has passed, oldest first. */
    pendingNotices(now: number, limit: number): Promise<Notice[]>;
    markDelivered(noticeId: string): Promise<void>;
    /** After a failed delivery: try again later (and let go of the claim). */
    postpone(noticeId: string, notBefore: number): Promise<void>;
    /**
     * After the last failed delivery the outbox allows: the notice is no longer handed out, and is
     * kept as failed (the attempt counted, with `failure`), so an operator sees it.
     */
    giveUpNotice(noticeId: string, failedAt: number, failure: string): Promise<void>;
    /** The notices given up on, newest first. */
    failedNotices(): Promise<FailedNotice[]>;
    /**
     * Several instances drain one outbox: before delivering, an instance claims the notice until
     * `until`. True when `owner` now holds it; false when it is delivered, gone, or another owner's
     * claim has not expired at `now`. A conditional write, so of two claims at once one wins.
     */
    claimNotice(noticeId: string, owner: string, until: number, now: number): Promise<boolean>;
    /** Data retention: deletes resolved and withdrawn tickets last changed before `cutoff`, with their notices. */
    deleteClosedBefore(cutoff: number): Promise<number>;
    ping(): Promise<void>;
    close(): Promise<void>;
}
