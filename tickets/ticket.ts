import type { ConversationAddress } from '../core/conversationAddress';
import type { Language } from '../core/language';
import type { ApplicationKind, StepId } from '../flow/flowSteps';

export const TICKET_KINDS = ['esignatureRequest', 'formDelivery', 'help'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** new → claimed → waitingForUser → resolved, reopen possible; withdrawn by the user. */
export type TicketStatus = 'new' | 'claimed' | 'waitingForUser' | 'resolved' | 'withdrawn';

export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'claimed', 'waitingForUser'];

export interface Person {
    id: string;
    name: string;
}

type ActorRole = 'user' | 'staff' | 'system';

export type TicketAction = 'created' | 'claimed' | 'assigned' | 'replied' | 'asked' | 'userMessage' | 'resolved' | 'reopened' | 'withdrawn' | 'reminded';

/** One line of the ticket's story: who did what, when, with which words. */
export interface HistoryEntry {
    at: number;
    actor: Person & { role: ActorRole };
    action: TicketAction;
    /** A reply, a question, a resolution note or the user's message, already redacted. */
    text?: string;
    /** For `assigned`: the colleague who now holds the ticket. */
    assignee?: Person;
}

/** A recent turn of the user's chat, redacted, for help tickets. */
export interface TranscriptLine {
    from: 'user' | 'bot';
    text: string;
}

export interface TicketDetails {
    /** e-signature request */
    fullName?: string;
    unit?: string;
    title?: string;
    email?: string;
    applicationKind?: ApplicationKind;
    /** Holds e-signatures obtained through another institution (the library must know first). */
    otherInstitution?: boolean;
    otherInstitutionSignatures?: string;
    /** help */
    question?: string;
    stepId?: StepId;
    transcript?: TranscriptLine[];
}

export interface Requester extends Person {
    email?: string;
    language: Language;
    /** Where notices go: the chat the ticket came from (Teams personal chat or web chat). */
    reference: ConversationAddress;
}

export interface StaffThread {
    /** The channel thread's conversation id (channel id + ";messageid=" + root message id). */
    conversationId: string;
    /** The root message holding the ticket card, updated in place. */
    cardActivityId: string;
    reference: ConversationAddress;
}

export type ReminderKind = 'unclaimed' | 'waitingOnLibrary';

export interface Ticket {
    id: string;
    /** Short, human-friendly, unique: what a user quotes on the phone. */
    number: number;
    kind: TicketKind;
    status: TicketStatus;
    requester: Requester;
    details: TicketDetails;
    assignee?: Person;
    staffThread?: StaffThread;
    history: HistoryEntry[];
    /** When each reminder went out; each is sent at most once per waiting period. */
    reminders: Partial<Record<ReminderKind, number>>;
    createdAt: number;
    updatedAt: number;
    /** Changes on every write; a write with an older eTag is refused. */
    eTag: string;
}

export type NewTicket = Omit<Ticket, 'id' | 'number' | 'eTag'>;

/** Who must hear about a change: delivered from the outbox, so a crash loses none. */
type NoticeTarget =
    | 'user'
    | 'staff'
    | 'email'
    // Renewal reminders (renewals/renewalReminders.ts): `ticketId` is the reminder's id, `historyIndex` its stage.
    | 'renewal'
    | 'renewalEmail'
    | 'renewalConfirm';

export interface Notice {
    id: string;
    ticketId: string;
    target: NoticeTarget;
    /** The history entry (by index) the notice tells about. */
    historyIndex: number;
    createdAt: number;
    attempts: number;
    /** Not before this time (backoff after a failed delivery). */
    notBefore: number;
}

export type NoticeDraft = Pick<Notice, 'target' | 'historyIndex'>;

/** A notice the outbox gave up on after too many failed deliveries: kept for `npm run tickets`. */
export interface FailedNotice extends Notice {
    failedAt: number;
    /** Why the last delivery failed (the error's message, cut short). */
    failure: string;
}
