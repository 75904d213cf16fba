import type { NewTicket, Notice, NoticeDraft, Ticket, TicketStatus } from './ticket';

/**
 * Where tickets and their pending notices live. Every write of a ticket is conditional on the
 * eTag it was read with (two staff clicking at once cannot both win), and the notices a change
 * causes are written in the same transaction, so a crash never keeps one without the other.
 */
export interface TicketStore {
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
    /** After a failed delivery: try again later. */
    postpone(noticeId: string, notBefore: number): Promise<void>;
    ping(): Promise<void>;
    close(): Promise<void>;
}
