import { randomUUID } from 'crypto';
import { repeatedWarning, type Logger } from '../core/logger';
import type { Clock } from '../core/clock';
import { ETagConflictError } from '../core/errors';
import type { HistoryEntry, Notice, StaffThread, Ticket } from './ticket';
import type { TicketStore } from './ticketStore';
import { RENEWAL_STAGES, type RenewalNoticeTarget, type RenewalReminder } from '../renewals/renewalReminder';

/** Delivers one notice; the staff side may open the ticket's thread and say where it is. */
export interface TicketMessenger {
    notifyUser(ticket: Ticket, entry: HistoryEntry): Promise<void>;
    notifyStaff(ticket: Ticket, entry: HistoryEntry): Promise<StaffThread | undefined>;
}

/** The e-mail copy of a new ticket for the library's mailbox. */
export interface TicketEmailer {
    send(ticket: Ticket): Promise<void>;
}

/** Sends one renewal reminder message: to the Teams chat, the e-mail copy, or the e-mail asking to confirm the address. */
export interface RenewalNoticeSender {
    send(target: RenewalNoticeTarget, reminder: RenewalReminder, stage: number): Promise<void>;
}

const BATCH = 20;
const MAX_BACKOFF_MS = 15 * 60_000;
/**
 * Deliveries tried before the outbox gives up on a notice (about an hour of backoff in all):
 * a notice that fails for good (a card Teams refuses, a chat that is gone) must not be retried for
 * ever. It is kept as failed, and `npm run tickets` lists it.
 */
export const MAX_DELIVERY_ATTEMPTS = 12;
/** Enough of an error message to tell what went wrong; never a whole response body. */
const FAILURE_TEXT_MAX = 300;
/** How many undelivered notices are looked through when the staff channel becomes known. */
const STAFF_CATCH_UP = 200;
/** Longer than any delivery takes: another instance delivers again only if this one died meanwhile. */
const CLAIM_MS = 5 * 60_000;

/**
 * Drains the notice outbox. A notice is marked delivered only after it went out, so a crash
 * between the two sends it again rather than never; failures are retried with backoff.
 * Every instance drains the same outbox: each notice is claimed first, so only one delivers it.
 */
export class NoticeDispatcher {
    private readonly owner = randomUUID();
    private draining?: Promise<void>;
    private rerun = false;
    private timer?: NodeJS.Timeout;
    /** Retries come every minute or so, for every waiting notice: the log says it once, then how often. */
    private readonly retryWarning: (message: string, fields: Record<string, unknown>) => void;

    constructor(
        private readonly store: TicketStore,
        private readonly messenger: TicketMessenger,
        private readonly clock: Clock,
        private readonly logger: Logger,
        private readonly emailer?: TicketEmailer,
        private readonly renewals?: RenewalNoticeSender,
    ) {
        this.retryWarning = repeatedWarning(logger);
    }

    /** Starts a drain now, or right after the one under way. */
    kick(): void {
        if (this.draining) {
            this.rerun = true;
            return;
        }
        this.draining = this.drain()
            .catch((error: Error) => this.logger.error('notice delivery stopped', { error: error.message }))
            .finally(() => {
                this.draining = undefined;
                if (this.rerun) {
                    this.rerun = false;
                    this.kick();
                }
            });
    }

    /** Also sweeps on a timer: notices left by a crash or postponed after a failure go out later. */
    start(intervalMs: number): void {
        this.kick();
        this.timer = setInterval(() => this.kick(), intervalMs);
        this.timer.unref();
    }

    stop(): void {
        if (this.timer) clearInterval(this.timer);
    }

    /** Resolves when no drain is running (tests wait on this instead of sleeping). */
    async settled(): Promise<void> {
        while (this.draining) await this.draining;
    }

    private async drain(): Promise<void> {
        await this.deliverStaffNoticesWaitingForChannel();
        for (;;) {
            const due = await this.store.pendingNotices(this.clock.now(), BATCH);
            if (due.length === 0) return;
            let delivered = 0;
            for (const notice of due) if (await this.deliver(notice)) delivered++;
            if (delivered === 0) return; // nothing went out (failed, or claimed by another instance): wait
        }
    }

    private async deliver(notice: Notice): Promise<boolean> {
        const now = this.clock.now();
        if (!(await this.store.claimNotice(notice.id, this.owner, now + CLAIM_MS, now))) return false;
        if (notice.target === 'renewal' || notice.target === 'renewalEmail' || notice.target === 'renewalConfirm') return this.deliverRenewal(notice, notice.target);
        const ticket = await this.store.get(notice.ticketId);
        const entry = ticket?.history[notice.historyIndex];
        if (!ticket || !entry) {
            this.logger.warn('notice without its ticket entry, dropped', { notice: notice.id });
            await this.store.markDelivered(notice.id);
            return true;
        }
        try {
            if (notice.target === 'user') await this.messenger.notifyUser(ticket, entry);
            else if (notice.target === 'email') await this.emailer?.send(ticket);
            else {
                const thread = await this.messenger.notifyStaff(ticket, entry);
                if (thread) await this.rememberThread(ticket.id, thread);
            }
            await this.store.markDelivered(notice.id);
            return true;
        } catch (error) {
            const message = (error as Error).message ?? String(error);
            if (notice.attempts + 1 >= MAX_DELIVERY_ATTEMPTS) {
                this.logger.error('notice not delivered, given up', { ticket: ticket.number, target: notice.target, error: message, attempts: notice.attempts + 1 });
                await this.store.giveUpNotice(notice.id, this.clock.now(), message.slice(0, FAILURE_TEXT_MAX));
                return false;
            }
            const backoff = Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** notice.attempts);
            this.retryWarning('notice not delivered, will retry', { ticket: ticket.number, target: notice.target, error: message, retryInMs: backoff });
            await this.store.postpone(notice.id, this.clock.now() + backoff);
            return false;
        }
    }

    /**
     * A renewal reminder's message. A reminder cancelled meanwhile is gone, and its notice with it;
     * after its last message the reminder's data is deleted (nothing is kept that no message needs).
     */
    private async deliverRenewal(notice: Notice, target: RenewalNoticeTarget): Promise<boolean> {
        const reminder = await this.store.getRenewalReminder(notice.ticketId);
        if (!reminder || !this.renewals) {
            await this.store.markDelivered(notice.id);
            return true;
        }
        try {
            await this.renewals.send(target, reminder, notice.historyIndex);
        } catch (error) {
            const message = (error as Error).message ?? String(error);
            if (notice.attempts + 1 >= MAX_DELIVERY_ATTEMPTS) {
                this.logger.error('renewal reminder not delivered, given up', { reminder: reminder.id, target, error: message });
                await this.store.giveUpNotice(notice.id, this.clock.now(), message.slice(0, FAILURE_TEXT_MAX));
                // Its last message given up, the reminder has nothing left to do: its data goes, as after its last message sent.
                if ((await this.store.renewalNoticesLeft(reminder.id)) === 0) await this.store.deleteRenewalReminder(reminder.id);
                return false;
            }
            this.logger.warn('renewal reminder not delivered, will retry', { reminder: reminder.id, target, error: message });
            await this.store.postpone(notice.id, this.clock.now() + Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** notice.attempts));
            return false;
        }
        await this.store.markDelivered(notice.id);
        this.logger.info('renewal reminder sent', { reminder: reminder.id, target, stage: RENEWAL_STAGES[notice.historyIndex] });
        // A confirmation request is no message of the reminder's own: the reminder waits for the link.
        if (notice.target !== 'renewalConfirm' && notice.historyIndex >= RENEWAL_STAGES.length - 1 && (await this.store.renewalNoticesLeft(reminder.id)) === 0) {
            await this.store.deleteRenewalReminder(reminder.id);
        }
        return true;
    }

    // The staff channel becoming known: staff notices held back for it go out now -------------------

    private staffChannelJustLearned = false;

    /**
     * The bot has just learned the staff channel: staff notices postponed while it was unknown go
     * out now (in the next drain, started here), not when their backoff ends.
     */
    staffChannelKnown(): void {
        this.staffChannelJustLearned = true;
        this.kick();
    }

    private async deliverStaffNoticesWaitingForChannel(): Promise<void> {
        if (!this.staffChannelJustLearned) return;
        this.staffChannelJustLearned = false;
        // Every undelivered notice, postponed or not; only the staff ones are due early.
        const waiting = await this.store.pendingNotices(Number.MAX_SAFE_INTEGER, STAFF_CATCH_UP);
        for (const notice of waiting) if (notice.target === 'staff') await this.deliver(notice);
    }

    // ---------------------------------------------------------------------------------------------

    private async rememberThread(ticketId: string, thread: StaffThread): Promise<void> {
        for (;;) {
            const current = await this.store.get(ticketId);
            if (!current || current.staffThread) return;
            try {
                await this.store.update({ ...current, staffThread: thread }, []);
                return;
            } catch (error) {
                if (!(error instanceof ETagConflictError)) throw error;
            }
        }
    }
}
