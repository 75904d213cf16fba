import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openSqlite } from '../../storage/openSqlite';
import { BufferedInsightLog, type FlushScheduler } from '../../insights/bufferedInsightLog';
import type { InsightEvent, InsightLog } from '../../insights/insightLog';
import { loadConfig } from '../../core/config';
import { createLogger } from '../../core/logger';
import { createStores } from '../../storage/createStores';
import { INSIGHTS_FILE, SqliteInsightLog } from '../../storage/sqliteInsightLog';
import { insightLogContract } from './insightLogContract';

const AT = Date.UTC(2026, 10, 27, 9, 0);
const VISITOR = 'abcd1234abcd1234';

const step = (n: number): InsightEvent => ({
    type: 'stepReached',
    at: AT + n,
    kind: 'first',
    stepId: 'login',
    stepNumber: 4,
    language: 'tr',
    channel: 'msteams',
    visitor: VISITOR,
});

/** Timers fired by the test: `fire()` runs what is due, as if the delay had passed. */
class ManualScheduler {
    readonly delays: number[] = [];
    private pending: (() => void)[] = [];
    cancelled = 0;

    readonly schedule: FlushScheduler = (flush, delayMs) => {
        this.delays.push(delayMs);
        this.pending.push(flush);
        return () => {
            const index = this.pending.indexOf(flush);
            if (index >= 0) {
                this.pending.splice(index, 1);
                this.cancelled++;
            }
        };
    };

    get waiting(): number {
        return this.pending.length;
    }

    fire(): void {
        const due = this.pending;
        this.pending = [];
        due.forEach((flush) => flush());
    }
}

/** An in-memory store that counts its writes and fails when told to. */
class FakeInsightLog implements InsightLog {
    readonly stored: InsightEvent[] = [];
    readonly batches: InsightEvent[][] = [];
    failures = 0;
    private written: (() => void)[] = [];

    recordMany(events: InsightEvent[]): Promise<void> {
        this.batches.push([...events]);
        this.notify();
        if (this.failures > 0) {
            this.failures--;
            return Promise.reject(new Error('SQLITE_BUSY: database is locked'));
        }
        this.stored.push(...events);
        return Promise.resolve();
    }

    record(event: InsightEvent): Promise<void> {
        return this.recordMany([event]);
    }

    /** Resolves at the next write attempt, however it was started. */
    nextWrite(): Promise<void> {
        return new Promise((resolve) => this.written.push(resolve));
    }

    list(from: number, to: number): Promise<InsightEvent[]> {
        return Promise.resolve(this.stored.filter((event) => event.at >= from && event.at < to));
    }

    deleteOlderThan(): Promise<number> {
        return Promise.resolve(0);
    }

    claimDigest(): Promise<boolean> {
        return Promise.resolve(this.stored.length > 0);
    }

    markDigestSent(): Promise<void> {
        return Promise.resolve();
    }

    private notify(): void {
        this.written.splice(0).forEach((resolve) => resolve());
    }
}

function logLines(): { logger: ReturnType<typeof createLogger>; lines: string[]; warnings: () => Record<string, unknown>[] } {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    const warnings = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.level === 'warn');
    return { logger, lines, warnings };
}

function buffered(inner: InsightLog, options: { maxWaiting?: number } = {}) {
    const scheduler = new ManualScheduler();
    const logs = logLines();
    const log = new BufferedInsightLog(inner, logs.logger, { scheduler: scheduler.schedule, ...options });
    return { log, scheduler, ...logs };
}

describe('Buffered insight log', () => {
    it('record() returns before the store is written; list() writes first, so a report sees the event at once', async () => {
        const inner = new FakeInsightLog();
        const { log } = buffered(inner);
        await log.record({ ...step(0), userId: 'u-1' } as InsightEvent);
        assert.deepStrictEqual(inner.batches, [], 'nothing written during the turn');
        assert.deepStrictEqual(await log.list(0, Number.MAX_SAFE_INTEGER), [step(0)], 'kept as the stores keep it: no user id');
        assert.strictEqual(inner.batches.length, 1);
    });

    it('every read and the digest lease flush first', async () => {
        const inner = new FakeInsightLog();
        const { log } = buffered(inner);
        await log.record(step(0));
        assert.strictEqual(await log.claimDigest('week', 'a', AT + 10, AT), true, 'the lease sees the event written');
        await log.record(step(1));
        await log.markDigestSent('week', AT);
        await log.record(step(2));
        await log.deleteOlderThan(AT);
        assert.deepStrictEqual(inner.batches, [[step(0)], [step(1)], [step(2)]]);
    });

    it('200 waiting events are written in one recordMany call without waiting for the timer', async () => {
        const inner = new FakeInsightLog();
        const { log, scheduler } = buffered(inner);
        for (let n = 0; n < 199; n++) await log.record(step(n));
        assert.strictEqual(inner.batches.length, 0);
        assert.strictEqual(scheduler.waiting, 1, 'one timer for all of them');
        const written = inner.nextWrite();
        await log.record(step(199));
        await written;
        assert.strictEqual(inner.batches.length, 1);
        assert.deepStrictEqual(
            inner.batches[0],
            Array.from({ length: 200 }, (_, n) => step(n)),
        );
        assert.strictEqual(scheduler.waiting, 0, 'the timer is cancelled by the flush');
        await log.flush();
        assert.strictEqual(inner.batches.length, 1, 'nothing left to write');
    });

    it('fewer events are written when the delay has passed (the injected scheduler fires it)', async () => {
        const inner = new FakeInsightLog();
        const { log, scheduler } = buffered(inner);
        await log.record(step(0));
        await log.record(step(1));
        await log.record(step(2));
        assert.deepStrictEqual(scheduler.delays, [250]);
        assert.strictEqual(inner.batches.length, 0);
        const written = inner.nextWrite();
        scheduler.fire();
        await written;
        assert.deepStrictEqual(inner.batches, [[step(0), step(1), step(2)]]);
        await log.record(step(3));
        assert.deepStrictEqual(scheduler.delays, [250, 250], 'the next event starts a new timer');
    });

    it('close() writes what waits and stops the timer', async () => {
        const inner = new FakeInsightLog();
        const { log, scheduler } = buffered(inner);
        await log.record(step(0));
        await log.record(step(1));
        await log.close();
        assert.deepStrictEqual(inner.stored, [step(0), step(1)]);
        assert.strictEqual(scheduler.waiting, 0);
        assert.strictEqual(scheduler.cancelled, 1);
        const written = inner.nextWrite();
        await log.record(step(2));
        await written;
        assert.deepStrictEqual(inner.stored, [step(0), step(1), step(2)], 'an event after close is written at once');
        assert.strictEqual(scheduler.waiting, 0, 'and starts no timer');
    });

    it('a failing store: the events are kept, one warning with counts only, and the next flush writes each of them once', async () => {
        const inner = new FakeInsightLog();
        const { log, lines, warnings } = buffered(inner);
        inner.failures = 2;
        await log.record(step(0));
        await log.record(step(1));
        await log.flush();
        await log.record(step(2));
        await log.flush();
        assert.deepStrictEqual(inner.stored, []);
        assert.strictEqual(log.waitingCount, 3);
        assert.deepStrictEqual(
            warnings().map(({ message, events, waiting }) => ({ message, events, waiting })),
            [{ message: 'insight events not written, kept for the next flush', events: 2, waiting: 2 }],
            'one warning for the run of failures',
        );
        assert.ok(!lines.join('\n').includes(VISITOR) && !lines.join('\n').includes('login'), 'no event fields in the log');
        await log.flush();
        assert.deepStrictEqual(inner.stored, [step(0), step(1), step(2)], 'all of them, once, oldest first');
        assert.strictEqual(log.waitingCount, 0);
        assert.deepStrictEqual(
            inner.batches.map((batch) => batch.length),
            [2, 3, 3],
        );
        inner.failures = 1;
        await log.record(step(3));
        await log.flush();
        assert.strictEqual(warnings().length, 2, 'a new run of failures warns again');
    });

    it('a read while the store fails answers what the store holds; the event waits for the next read', async () => {
        const inner = new FakeInsightLog();
        const { log } = buffered(inner);
        inner.failures = 1;
        await log.record(step(0));
        assert.deepStrictEqual(await log.list(0, Number.MAX_SAFE_INTEGER), [], 'the flush failed quietly, the read answered');
        assert.deepStrictEqual(await log.list(0, Number.MAX_SAFE_INTEGER), [step(0)], 'the next read wrote it');
    });

    it('a store without recordMany gets one record() each; after a failure only the unwritten rest is tried again', async () => {
        const stored: InsightEvent[] = [];
        let failAt = 1;
        const inner: InsightLog = {
            record: (event) => {
                if (stored.length === failAt) {
                    failAt = -1;
                    return Promise.reject(new Error('offline'));
                }
                stored.push(event);
                return Promise.resolve();
            },
            list: () => Promise.resolve([...stored]),
            deleteOlderThan: () => Promise.resolve(0),
            claimDigest: () => Promise.resolve(true),
            markDigestSent: () => Promise.resolve(),
        };
        const { log } = buffered(inner);
        for (let n = 0; n < 3; n++) await log.record(step(n));
        await log.flush();
        assert.deepStrictEqual(stored, [step(0)]);
        assert.deepStrictEqual(await log.list(0, Number.MAX_SAFE_INTEGER), [step(0), step(1), step(2)]);
    });

    it('above the cap the oldest waiting events are dropped, with one warning', async () => {
        const inner = new FakeInsightLog();
        const { log, warnings } = buffered(inner, { maxWaiting: 5 });
        inner.failures = 1;
        for (let n = 0; n < 4; n++) await log.record(step(n));
        await log.flush();
        for (let n = 4; n < 8; n++) await log.record(step(n));
        assert.strictEqual(log.waitingCount, 5);
        const dropped = warnings().filter((line) => /dropped/.test(String(line.message)));
        assert.deepStrictEqual(
            dropped.map(({ dropped: count, maxWaiting }) => ({ count, maxWaiting })),
            [{ count: 1, maxWaiting: 5 }],
            'one warning for the run of drops',
        );
        await log.flush();
        assert.deepStrictEqual(inner.stored, [3, 4, 5, 6, 7].map(step), 'the newest five');
    });

    describe('over SQLite', () => {
        let dir: string;
        beforeEach(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-buffered-'));
        });
        afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

        it('recordMany writes a batch in one transaction: all or nothing', async () => {
            const store = new SqliteInsightLog(path.join(dir, INSIGHTS_FILE));
            try {
                await store.recordMany([step(0), { ...step(1), userId: 'u-1' } as InsightEvent, step(2)]);
                assert.deepStrictEqual(await store.list(0, Number.MAX_SAFE_INTEGER), [step(0), step(1), step(2)]);
                // The third event breaks the NOT NULL on type after two rows went in: none of them stays.
                const broken = [step(10), step(11), { ...step(12), type: null } as unknown as InsightEvent];
                await assert.rejects(store.recordMany(broken));
                assert.strictEqual((await store.list(0, Number.MAX_SAFE_INTEGER)).length, 3, 'the failed batch left nothing');
                await store.recordMany([]);
                await store.recordMany(broken.slice(0, 2));
                assert.deepStrictEqual(await store.list(AT + 10, Number.MAX_SAFE_INTEGER), [step(10), step(11)], 'the same events again, once');
            } finally {
                await store.close();
            }
        });

        it('the stores close: the waiting events are in the file', async () => {
            const stores = createStores(
                loadConfig({ DATA_DIR: dir }),
                createLogger('error', () => undefined),
            );
            await stores.insights.record(step(0));
            await stores.close();
            // Kept for the process lifetime like the stores' own: Node 24 aborts when a better-sqlite3 object is garbage-collected.
            const db = openSqlite(path.join(dir, INSIGHTS_FILE), { readonly: true });
            assert.deepStrictEqual(db.prepare('SELECT type, at, visitor FROM events').all(), [{ type: 'stepReached', at: AT, visitor: VISITOR }]);
        });
    });

    insightLogContract('Buffered over SQLite', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-buffered-'));
        const file = path.join(dir, INSIGHTS_FILE);
        const store = new SqliteInsightLog(file);
        const log = new BufferedInsightLog(
            store,
            createLogger('error', () => undefined),
            { scheduler: new ManualScheduler().schedule },
        );
        const raw = async () => {
            await log.flush();
            return openSqlite(file, { readonly: true }).prepare('SELECT * FROM events').all() as Record<string, unknown>[];
        };
        return Promise.resolve({
            log,
            raw,
            close: async () => {
                await log.close();
                await store.close();
                fs.rmSync(dir, { recursive: true, force: true });
            },
        });
    });
});
