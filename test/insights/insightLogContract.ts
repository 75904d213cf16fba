import * as assert from 'assert';
import type { InsightEvent, InsightLog } from '../../insights/insightLog';

const EVENT_TIME = Date.UTC(2026, 10, 27, 9, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;
const USER_ID = '29:1a2b-user-id';

export interface OpenedInsightLog {
    log: InsightLog;
    /** Every stored row or item as the store keeps it. */
    raw: () => Promise<Record<string, unknown>[]>;
    close: () => Promise<void>;
}

const step = (at: number, more: Partial<InsightEvent> = {}): InsightEvent => ({
    type: 'stepReached',
    at,
    kind: 'first',
    stepId: 'login',
    stepNumber: 4,
    language: 'tr',
    channel: 'msteams',
    visitor: 'abcd1234abcd1234',
    ...more,
});

/** What every `InsightLog` must do, SQLite and Cosmos DB alike. */
export function insightLogContract(name: string, open: () => Promise<OpenedInsightLog>): void {
    describe(`${name} insight log contract`, () => {
        let opened: OpenedInsightLog;
        let log: InsightLog;
        beforeEach(async () => {
            opened = await open();
            log = opened.log;
        });
        afterEach(async () => opened.close());

        it('reads back every field it recorded, oldest first, in [from, to)', async () => {
            await log.record({ type: 'answerGiven', at: EVENT_TIME + MINUTE, detail: 'fee', language: 'en', channel: 'webchat' });
            await log.record(step(EVENT_TIME));
            await log.record(step(EVENT_TIME - 1));
            await log.record(step(EVENT_TIME + DAY));
            assert.deepStrictEqual(await log.list(EVENT_TIME, EVENT_TIME + DAY), [step(EVENT_TIME), { type: 'answerGiven', at: EVENT_TIME + MINUTE, detail: 'fee', language: 'en', channel: 'webchat' }]);
        });

        it('retention deletes the events before the cutoff and nothing younger', async () => {
            await log.record(step(EVENT_TIME - 1));
            await log.record(step(EVENT_TIME));
            assert.strictEqual(await log.deleteOlderThan(EVENT_TIME), 1);
            assert.strictEqual((await log.list(0, Number.MAX_SAFE_INTEGER)).length, 1);
            assert.strictEqual(await log.deleteOlderThan(EVENT_TIME), 0);
        });

        it('keeps no user id even when the caller hands one over', async () => {
            await log.record({ ...step(EVENT_TIME), userId: USER_ID, from: { id: USER_ID } } as InsightEvent);
            const stored = JSON.stringify(await opened.raw());
            assert.ok(!stored.includes(USER_ID), stored);
        });

        it('a digest is leased to one owner at a time, taken over after the lease, never again once sent', async () => {
            const [a, b] = await Promise.all([log.claimDigest('week-1', 'a', EVENT_TIME + 10, EVENT_TIME), log.claimDigest('week-1', 'b', EVENT_TIME + 10, EVENT_TIME)]);
            assert.strictEqual(Number(a) + Number(b), 1, 'exactly one of two claims at once wins');
            const winner = a ? 'a' : 'b';
            const loser = a ? 'b' : 'a';
            assert.strictEqual(await log.claimDigest('week-1', loser, EVENT_TIME + 20, EVENT_TIME + 5), false, 'the lease holds');
            assert.strictEqual(await log.claimDigest('week-1', loser, EVENT_TIME + 30, EVENT_TIME + 11), true, 'an expired lease is taken over');
            await log.markDigestSent('week-1', EVENT_TIME + 12);
            assert.strictEqual(await log.claimDigest('week-1', winner, EVENT_TIME + 100, EVENT_TIME + 50), false, 'sent: never again');
            assert.strictEqual(await log.claimDigest('week-2', winner, EVENT_TIME + 100, EVENT_TIME + 50), true, 'another week is free');
        });
    });
}
