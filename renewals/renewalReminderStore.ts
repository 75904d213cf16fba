import type { RenewalNoticeDraft, RenewalReminder } from './renewalReminder';

/**
 * Where renewal reminders are kept. The ticket store implements it: a reminder's messages are
 * notices of the tickets' outbox, claimed and retried the same way.
 */
export interface RenewalReminderStore {
    /** Writes the reminder and replaces its undelivered notices with `notices`, in one transaction. */
    saveRenewalReminder(reminder: RenewalReminder, notices: RenewalNoticeDraft[]): Promise<void>;
    getRenewalReminder(id: string): Promise<RenewalReminder | undefined>;
    /** Oldest first. */
    listRenewalReminders(userId: string): Promise<RenewalReminder[]>;
    /** Every reminder whose e-mail copy goes to `email` (lower case), oldest first. */
    listRenewalRemindersByEmail(email: string): Promise<RenewalReminder[]>;
    /** Every reminder, oldest first: for the retention sweep and for changes to what is stored. */
    listAllRenewalReminders(): Promise<RenewalReminder[]>;
    /** Writes the reminder's own fields; its notices stay as they are. Nothing when it is gone. */
    updateRenewalReminder(reminder: RenewalReminder): Promise<void>;
    /** Notices of the reminder not yet delivered (nor given up on). */
    renewalNoticesLeft(id: string): Promise<number>;
    /** The reminder and all its notices. */
    deleteRenewalReminder(id: string): Promise<void>;
}
