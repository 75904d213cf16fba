import type { ConversationAddress } from '../core/conversationAddress';
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
    reference?: ConversationAddress;
    /** The e-mail copy's address (lower case), where SMTP is configured: Teams' for the user, or one typed in web chat. */
    email?: string;
    /**
     * The address is the user's own: Teams gave it, or its owner opened the confirmation link sent
     * to it. No reminder e-mail goes to an address that is not. (Reminders stored before this field
     * existed: see `reminderEmails.ts`.)
     */
    emailConfirmed?: boolean;
    /** Since when the confirmation link waits to be opened; unset once it was. */
    emailPendingSince?: number;
    /** The random key in this reminder's e-mail links (confirm, stop): only the addressee has it. */
    emailKey?: string;
    createdAt: number;
}

/** The reminder's messages: the lead time before expiry, then when renewals go into production. The notice's `historyIndex`. */
export const RENEWAL_STAGES = ['ahead', 'production'] as const;

/** Targets of a reminder's notices: the Teams chat, the e-mail copy, the e-mail asking to confirm the address. */
export type RenewalNoticeTarget = 'renewal' | 'renewalEmail' | 'renewalConfirm';

export interface RenewalNoticeDraft {
    target: RenewalNoticeTarget;
    stage: number;
    notBefore: number;
}
