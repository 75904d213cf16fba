import { randomUUID } from 'crypto';
import type { Logger } from '../core/logger';
import type { Clock } from '../core/clock';
import { ETagConflictError } from '../core/errors';
import type { HistoryEntry, Notice, StaffThread, Ticket } from './ticket';
import type { TicketStore } from './ticketStore';

/** Delivers one notice; the staff side may open the ticket's thread and say where it is. */
export interface TicketMessenger {
    notifyUser(ticket: Ticket, entry: HistoryEntry): Promise<void>;
    notifyStaff(ticket: Ticket, entry: HistoryEntry): Promise<StaffThread | undefined>;
}

/** The e-mail copy of a new ticket for the library's mailbox. */
export interface TicketEmailer {
    send(ticket: Ticket): Promise<void>;
}

const BATCH = 20;
const MAX_BACKOFF_MS = 15 * 60_000;
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

    constructor(
        private readonly store: TicketStore,
        private readonly messenger: TicketMessenger,
        private readonly clock: Clock,
        private readonly logger: Logger,
        private readonly emailer?: TicketEmailer,
    ) {}

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
            const backoff = Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** notice.attempts);
            this.logger.warn('notice not delivered, will retry', { ticket: ticket.number, target: notice.target, error: (error as Error).message, retryInMs: backoff });
            await this.store.postpone(notice.id, this.clock.now() + backoff);
            return false;
        }
    }

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
