import type { Logger } from '../core/logger';
import { eventToKeep, type InsightEvent, type InsightLog } from './insightLog';

/** Runs `flush` once after `delayMs`; the answer cancels it. Injected so tests fire it by hand. */
export type FlushScheduler = (flush: () => void, delayMs: number) => () => void;

/** A real timer that never keeps the process alive for the sake of a few events. */
const timerScheduler: FlushScheduler = (flush, delayMs) => {
    const timer = setTimeout(flush, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
};

export interface BufferOptions {
    /** This many waiting events are written at once without waiting for the timer. */
    batchSize?: number;
    /** The longest a recorded event waits, in ms, while the bot is busy with turns. */
    delayMs?: number;
    /** While the store fails, at most this many events are kept; the oldest go first. */
    maxWaiting?: number;
    scheduler?: FlushScheduler;
}

const DEFAULTS = { batchSize: 200, delayMs: 250, maxWaiting: 10_000 };

/**
 * The turn's insight event, without the turn waiting for the store: a synchronous SQLite INSERT
 * per guided-flow turn was a measurable share of the turn's CPU. Events wait in memory and are
 * written in one call (`recordMany`: one SQLite transaction); every read flushes first, so a
 * report, the digest and the retention sweep see every event recorded before they asked. A
 * failing store never reaches the user: the events wait for the next flush, within a cap.
 * Not owned: `close()` flushes, the inner log is closed by whoever opened it.
 */
export class BufferedInsightLog implements InsightLog {
    private readonly batchSize: number;
    private readonly delayMs: number;
    private readonly maxWaiting: number;
    private readonly scheduler: FlushScheduler;
    private waiting: InsightEvent[] = [];
    private cancelTimer: (() => void) | undefined;
    /** The last flush queued; flushes run one after another so a batch is never written twice. */
    private tail: Promise<void> = Promise.resolve();
    /** A flush queued but not begun: it will take whatever is waiting when it begins, so callers share it. */
    private queued: Promise<void> | undefined;
    /** One warning per run of failures and one per run of drops, not one per flush or event. */
    private failing = false;
    private dropping = false;
    private closed = false;

    constructor(
        private readonly inner: InsightLog,
        private readonly logger: Logger,
        options: BufferOptions = {},
    ) {
        this.batchSize = options.batchSize ?? DEFAULTS.batchSize;
        this.delayMs = options.delayMs ?? DEFAULTS.delayMs;
        this.maxWaiting = options.maxWaiting ?? DEFAULTS.maxWaiting;
        this.scheduler = options.scheduler ?? timerScheduler;
    }

    /** Kept as the stores keep it (their own copy, so the caller may reuse its object). */
    record(event: InsightEvent): Promise<void> {
        this.waiting.push(eventToKeep(event));
        this.keepWithinCap();
        // After close no timer is left to flush it: an event that late is written at once.
        if (this.waiting.length >= this.batchSize || this.closed) void this.flush();
        else
            this.cancelTimer ??= this.scheduler(() => {
                this.cancelTimer = undefined;
                void this.flush();
            }, this.delayMs);
        return Promise.resolve();
    }

    /** Writes every event recorded before the call, in one call to the store; never rejects. */
    flush(): Promise<void> {
        if (!this.queued) {
            const next = this.tail.then(() => {
                this.queued = undefined;
                return this.writeWaiting();
            });
            this.queued = next;
            this.tail = next;
        }
        return this.queued;
    }

    /** Events still waiting to be written (for tests and health checks). */
    get waitingCount(): number {
        return this.waiting.length;
    }

    async list(from: number, to: number): Promise<InsightEvent[]> {
        await this.flush();
        return this.inner.list(from, to);
    }

    async deleteOlderThan(cutoff: number): Promise<number> {
        await this.flush();
        return this.inner.deleteOlderThan(cutoff);
    }

    async claimDigest(key: string, owner: string, until: number, now: number): Promise<boolean> {
        await this.flush();
        return this.inner.claimDigest(key, owner, until, now);
    }

    async markDigestSent(key: string, at: number): Promise<void> {
        await this.flush();
        return this.inner.markDigestSent(key, at);
    }

    /** Stops the timer and writes what waits; the inner log stays open. */
    async close(): Promise<void> {
        this.closed = true;
        this.stopTimer();
        await this.flush();
    }

    private async writeWaiting(): Promise<void> {
        this.stopTimer();
        const batch = this.waiting;
        if (!batch.length) return;
        this.waiting = [];
        let written = 0;
        try {
            if (this.inner.recordMany) {
                await this.inner.recordMany(batch);
                written = batch.length;
            } else {
                // One by one, counting: after a failure only the rest is tried again.
                for (const event of batch) {
                    await this.inner.record(event);
                    written++;
                }
            }
            if (this.failing) this.logger.info('insight events written again after a failure', { written });
            this.failing = false;
        } catch (error) {
            // Back in front of what was recorded meanwhile, oldest first, for the next flush.
            this.waiting = [...batch.slice(written), ...this.waiting];
            this.keepWithinCap();
            if (!this.failing) {
                // Counts and the store's error only: an event's fields stay out of the log.
                this.logger.warn('insight events not written, kept for the next flush', { events: batch.length - written, waiting: this.waiting.length, error: (error as Error).message });
            }
            this.failing = true;
        }
        if (!this.waiting.length) this.dropping = false;
    }

    private keepWithinCap(): void {
        const over = this.waiting.length - this.maxWaiting;
        if (over <= 0) return;
        this.waiting.splice(0, over);
        if (!this.dropping) this.logger.warn('insight events dropped: too many waiting for the store', { dropped: over, maxWaiting: this.maxWaiting });
        this.dropping = true;
    }

    private stopTimer(): void {
        this.cancelTimer?.();
        this.cancelTimer = undefined;
    }
}
