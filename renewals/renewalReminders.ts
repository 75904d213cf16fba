import { randomUUID } from 'crypto';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { foldText } from '../core/textMatch';
import type { RenewalReminderStore } from './renewalReminderStore';
import type { RenewalNoticeDraft, RenewalReminder } from './renewalReminder';
import { confirmationDraft, hasProvenEmail, reminderLimitReached, withEmailState, type LimitReached } from './reminderEmails';
import { nextWorkingMoment, type WorkingCalendar } from '../core/workingHours';

/** "Remind me later": the same message again after this many days (in working time). */
const REMIND_LATER_DAYS = 7;
const DAY = 86_400_000;

/** Month and year as a user types them: "06/2027", "6.2027", "2027-06", "Haziran 2027", "June 2027". */
export function parseExpiry(text: string, monthNames: readonly string[][]): { month: number; year: number } | 'invalid' | 'tooMuch' {
    const folded = foldText(text.trim());
    // Anything with a long run of digits could be a number from the card: never kept, never parsed.
    if (/\d{5,}/.test(folded)) return 'tooMuch';
    let month: number | undefined;
    let year: number | undefined;
    let match = /^(\d{1,2})\s*[./\-\s]\s*(\d{4})$/.exec(folded);
    if (match) {
        month = Number(match[1]);
        year = Number(match[2]);
    } else if ((match = /^(\d{4})\s*[./\-\s]\s*(\d{1,2})$/.exec(folded))) {
        year = Number(match[1]);
        month = Number(match[2]);
    } else {
        const named = /^([\p{L}]+)\s*[,./-]?\s*(\d{4})$/u.exec(folded);
        if (named) {
            const index = monthNames.findIndex((names) => names.some((name) => foldText(name) === named[1]));
            if (index >= 0) {
                month = index + 1;
                year = Number(named[2]);
            }
        }
    }
    if (!month || !year || month < 1 || month > 12) return 'invalid';
    return { month, year };
}

/** How many months before the expiry month: the first reminder, and a renewal's production (the guide's L45). */
export interface RenewalMonths {
    lead: number;
    production: number;
}

/**
 * The reminder's days, as the first day of those months: well ahead (the lead time), and when a
 * renewal goes into production. Only a month is known of the expiry, so nothing assumes its day.
 */
export function renewalDates(expiryMonth: number, expiryYear: number, months: RenewalMonths) {
    return {
        remindFrom: Date.UTC(expiryYear, expiryMonth - 1 - months.lead, 1),
        productionFrom: Date.UTC(expiryYear, expiryMonth - 1 - months.production, 1),
        /** The first instant after the expiry month. */
        expiredAfter: Date.UTC(expiryYear, expiryMonth, 1),
    };
}

/** The reminders a user keeps, and their messages in the outbox. */
export class RenewalReminders {
    private readonly listeners: (() => void)[] = [];

    constructor(
        private readonly store: RenewalReminderStore,
        private readonly clock: Clock,
        private readonly logger: Logger,
        private readonly settings: { calendar: WorkingCalendar; months: RenewalMonths; emailEnabled: boolean },
    ) {}

    get emailEnabled(): boolean {
        return this.settings.emailEnabled;
    }

    /** Called after a reminder's notices changed (the dispatcher drains at once). */
    onNotices(listener: () => void): void {
        this.listeners.push(listener);
    }

    dates(expiryMonth: number, expiryYear: number) {
        return renewalDates(expiryMonth, expiryYear, this.settings.months);
    }

    /** The messages still ahead for this expiry: the lead time's, and production's (each if still ahead). */
    plannedStages(expiryMonth: number, expiryYear: number): { stage: number; at: number }[] {
        const now = this.clock.now();
        const dates = this.dates(expiryMonth, expiryYear);
        const stages = [
            { stage: 0, at: dates.remindFrom },
            { stage: 1, at: dates.productionFrom },
        ];
        const ahead = stages.filter((planned) => planned.at > now);
        return ahead.map((planned) => ({ stage: planned.stage, at: nextWorkingMoment(planned.at, this.settings.calendar) }));
    }

    /** Why this user may not add another reminder (to this address); undefined when they may (see reminderEmails.ts). */
    limitReached(userId: string, email?: { address: string; proven: boolean }): Promise<LimitReached | undefined> {
        return reminderLimitReached(this.store, userId, email?.address, email?.proven ?? false, this.clock.now());
    }

    /** `emailConfirmed`: the channel proved the address (Teams); otherwise it is asked to confirm first, and `first` is undefined. */
    async create(reminder: Omit<RenewalReminder, 'id' | 'createdAt' | 'emailKey' | 'emailPendingSince'>): Promise<{ reminder: RenewalReminder; first?: number }> {
        const now = this.clock.now();
        const saved = withEmailState({ ...reminder, id: randomUUID(), createdAt: now }, now);
        const planned = saved.emailPendingSince === undefined ? this.plannedStages(reminder.expiryMonth, reminder.expiryYear) : [];
        await this.store.saveRenewalReminder(saved, saved.emailPendingSince === undefined ? this.drafts(saved, planned) : [confirmationDraft(now)]);
        this.logger.info('renewal reminder saved', { reminder: saved.id, stages: planned.length, awaitingConfirmation: saved.emailPendingSince !== undefined });
        this.announce();
        return { reminder: saved, first: planned[0]?.at };
    }

    /** Writes the reminder with the messages still ahead for it (its address just confirmed, or its e-mails stopped). */
    async reschedule(reminder: RenewalReminder): Promise<void> {
        await this.store.saveRenewalReminder(reminder, this.drafts(reminder, this.plannedStages(reminder.expiryMonth, reminder.expiryYear)));
        this.announce();
    }

    list(userId: string): Promise<RenewalReminder[]> {
        return this.store.listRenewalReminders(userId);
    }

    get(id: string): Promise<RenewalReminder | undefined> {
        return this.store.getRenewalReminder(id);
    }

    /** "Turn the reminder off", a renewal started from the reminder, or the last message sent: everything goes. */
    async remove(id: string): Promise<void> {
        await this.store.deleteRenewalReminder(id);
        this.logger.info('renewal reminder deleted', { reminder: id });
    }

    /** "Remind me later": the same message again in a week (working time), the later one kept if sooner. */
    async later(reminder: RenewalReminder, stage: number): Promise<number> {
        const at = nextWorkingMoment(this.clock.now() + REMIND_LATER_DAYS * DAY, this.settings.calendar);
        const rest = this.plannedStages(reminder.expiryMonth, reminder.expiryYear).filter((planned) => planned.stage > stage && planned.at > at);
        await this.store.saveRenewalReminder(reminder, this.drafts(reminder, [{ stage, at }, ...rest]));
        return at;
    }

    private drafts(reminder: RenewalReminder, planned: { stage: number; at: number }[]): RenewalNoticeDraft[] {
        return planned.flatMap(({ stage, at }) => [
            ...(reminder.reference ? [{ target: 'renewal' as const, stage, notBefore: at }] : []),
            ...(hasProvenEmail(reminder) && this.settings.emailEnabled ? [{ target: 'renewalEmail' as const, stage, notBefore: at }] : []),
        ]);
    }

    private announce(): void {
        for (const listener of this.listeners) listener();
    }
}
