import type { ConversationReference } from 'botbuilder';
import type { Language } from '../core/language';

/**
 * Renewal reminders: the user gives the month and year their certificate expires (nothing else
 * about it); the bot reminds them well before a renewal goes into production (a lead time in the
 * institution profile), while the certificate still allows "e-İmza" login and approval, and once
 * more when production starts. The messages go out through the ticket store's notice outbox, with
 * its claims and leases, so each is sent once however many instances run.
 */
export interface RenewalReminder {
    id: string;
    userId: string;
    language: Language;
    /** 1–12 */
    expiryMonth: number;
    expiryYear: number;
    /** Teams only: the personal chat the reminder goes to (the latest known chat wins when sent). */
    reference?: Partial<ConversationReference>;
    /** Only where the channel vouched for it (Teams) and SMTP is configured: the e-mail copy. */
    email?: string;
    createdAt: number;
}

/** The reminder's messages: the lead time before expiry, then when renewals go into production. The notice's `historyIndex`. */
export const RENEWAL_STAGES = ['ahead', 'production'] as const;

/** Targets of a reminder's notices: the Teams chat, the e-mail copy. */
export type RenewalNoticeTarget = 'renewal' | 'renewalEmail';

export interface RenewalNoticeDraft {
    target: RenewalNoticeTarget;
    stage: number;
    notBefore: number;
}
