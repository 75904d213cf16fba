import * as assert from 'assert';
import { MAX_QUESTION_LENGTH, type QuestionLog, type UnansweredQuestion } from '../../understanding/questionLog';

export const QUESTION_TIME = Date.UTC(2026, 10, 27, 9, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

const USER_ID = 'teams-user-29:1a2b3c';
const CONVERSATION_ID = 'a:conversation-1xyz';
const FIELDS = ['askedAt', 'id', 'language', 'outcome', 'stepId', 'text'];

export interface OpenedQuestionLog {
    log: QuestionLog;
    /** Every stored row or item as the store keeps it, to look for what must not be there. */
    raw: () => Promise<Record<string, unknown>[]>;
    close: () => Promise<void>;
}

const question = (text: string, askedAt: number, more: Partial<UnansweredQuestion> = {}): UnansweredQuestion => ({ text, language: 'tr', askedAt, ...more });

/** What every `QuestionLog` must do, SQLite and Cosmos DB alike; it uses nothing but the interface (and `raw`). */
export function questionLogContract(name: string, open: () => Promise<OpenedQuestionLog>): void {
    describe(`${name} question log contract`, () => {
        let opened: OpenedQuestionLog;
        let log: QuestionLog;

        beforeEach(async () => {
            opened = await open();
            log = opened.log;
        });
        afterEach(async () => opened.close());

        it('reads back what it recorded: text, language, step, time and outcome; a question without an id gets one', async () => {
            await log.record(question('e-imza ücreti ne kadar?', QUESTION_TIME, { stepId: 'payment', id: 'q-1' }));
            await log.record(question('where is the library', QUESTION_TIME + MINUTE, { language: 'en' }));
            const [first, second] = await log.list(QUESTION_TIME, QUESTION_TIME + DAY);
            assert.deepStrictEqual(first, { id: 'q-1', text: 'e-imza ücreti ne kadar?', language: 'tr', stepId: 'payment', askedAt: QUESTION_TIME, outcome: 'unknown' });
            const { id, ...rest } = second;
            assert.deepStrictEqual(rest, { text: 'where is the library', language: 'en', askedAt: QUESTION_TIME + MINUTE, outcome: 'unknown' });
            assert.ok(id && id !== 'q-1', 'an id of its own');
        });

        it('keeps an unsure question with the answers offered, and then what the person chose', async () => {
            await log.record(question('kartim kilitlendi', QUESTION_TIME, { id: 'q-unsure', outcome: 'unsure', candidates: ['lostOrStolen', 'privacyNeverNeeded'] }));
            await log.record(question('hic bilmedigi soru', QUESTION_TIME + 1, { id: 'q-unknown' }));
            await log.recordChoice('q-unsure', 'lostOrStolen');
            await log.recordChoice('q-swept-long-ago', 'library');
            const [unsure, unknown] = await log.list(QUESTION_TIME, QUESTION_TIME + DAY);
            assert.deepStrictEqual([unsure.outcome, unsure.candidates, unsure.chosen], ['unsure', ['lostOrStolen', 'privacyNeverNeeded'], 'lostOrStolen']);
            assert.deepStrictEqual([unknown.outcome, unknown.candidates, unknown.chosen], ['unknown', undefined, undefined]);
            await log.recordChoice('q-unsure', 'library');
            assert.strictEqual((await log.list(QUESTION_TIME, QUESTION_TIME + 1))[0].chosen, 'library', 'the latest choice counts');
        });

        it('keeps answer ids short: a long "choice" cannot smuggle text in', async () => {
            await log.record(question('x', QUESTION_TIME, { id: 'q-long', outcome: 'unsure', candidates: ['a'.repeat(500)] }));
            await log.recordChoice('q-long', 'b'.repeat(500));
            const [kept] = await log.list(QUESTION_TIME, QUESTION_TIME + 1);
            assert.ok(kept.candidates![0].length <= 64 && kept.chosen!.length <= 64);
        });

        it('lists [from, to): the first millisecond in, the last one out', async () => {
            for (const [text, at] of [
                ['before', QUESTION_TIME - 1],
                ['first', QUESTION_TIME],
                ['inside', QUESTION_TIME + MINUTE],
                ['last', QUESTION_TIME + DAY - 1],
                ['after', QUESTION_TIME + DAY],
            ] as const) {
                await log.record(question(text, at));
            }
            assert.deepStrictEqual(
                (await log.list(QUESTION_TIME, QUESTION_TIME + DAY)).map((q) => q.text),
                ['first', 'inside', 'last'],
            );
            assert.deepStrictEqual(await log.list(QUESTION_TIME + 2 * DAY, QUESTION_TIME + 3 * DAY), []);
            assert.deepStrictEqual(await log.list(QUESTION_TIME, QUESTION_TIME), []);
        });

        it('lists oldest first, whatever order they were recorded in; ties in recording order', async () => {
            await log.record(question('third', QUESTION_TIME + 2 * MINUTE));
            await log.record(question('first', QUESTION_TIME));
            await log.record(question('second a', QUESTION_TIME + MINUTE));
            await log.record(question('second b', QUESTION_TIME + MINUTE));
            await log.record(question('second c', QUESTION_TIME + MINUTE));
            assert.deepStrictEqual(
                (await log.list(0, QUESTION_TIME + DAY)).map((q) => q.text),
                ['first', 'second a', 'second b', 'second c', 'third'],
            );
        });

        it('keeps every one of many questions recorded at once', async () => {
            await Promise.all(Array.from({ length: 30 }, (_, i) => log.record(question(`q${i}`, QUESTION_TIME + i))));
            assert.deepStrictEqual(
                (await log.list(0, QUESTION_TIME + DAY)).map((q) => q.text),
                Array.from({ length: 30 }, (_, i) => `q${i}`),
            );
        });

        it(`cuts the text to ${MAX_QUESTION_LENGTH} characters, without splitting a character in two`, async () => {
            const exact = 'a'.repeat(MAX_QUESTION_LENGTH);
            await log.record(question('ş'.repeat(MAX_QUESTION_LENGTH + 100), QUESTION_TIME));
            await log.record(question(exact, QUESTION_TIME + 1));
            await log.record(question(`${'b'.repeat(MAX_QUESTION_LENGTH - 1)}😀 tail`, QUESTION_TIME + 2));
            const [long, kept, emoji] = await log.list(0, QUESTION_TIME + DAY);
            assert.strictEqual(long.text, 'ş'.repeat(MAX_QUESTION_LENGTH));
            assert.strictEqual(kept.text, exact);
            assert.strictEqual(emoji.text, 'b'.repeat(MAX_QUESTION_LENGTH - 1), 'half an emoji is dropped, not kept broken');
        });

        it('retention deletes the questions asked before the cutoff and nothing younger', async () => {
            await log.record(question('old', QUESTION_TIME - 1));
            await log.record(question('older', QUESTION_TIME - DAY));
            await log.record(question('at the cutoff', QUESTION_TIME));
            await log.record(question('young', QUESTION_TIME + DAY));
            assert.strictEqual(await log.deleteOlderThan(QUESTION_TIME), 2);
            assert.deepStrictEqual(
                (await log.list(0, Number.MAX_SAFE_INTEGER)).map((q) => q.text),
                ['at the cutoff', 'young'],
            );
            assert.strictEqual(await log.deleteOlderThan(QUESTION_TIME), 0, 'a second sweep finds nothing');
        });

        it('stores no user or conversation id, even when the caller hands one over', async () => {
            const withIds = { ...question('my sms did not come', QUESTION_TIME, { stepId: 'sms' }), userId: USER_ID, conversationId: CONVERSATION_ID, from: { id: USER_ID } };
            await log.record(withIds);
            const [listed] = await log.list(0, QUESTION_TIME + DAY);
            assert.deepStrictEqual(Object.keys(listed).sort(), FIELDS);
            const raw = await opened.raw();
            assert.strictEqual(raw.length, 1);
            const stored = JSON.stringify(raw);
            assert.ok(!stored.includes(USER_ID) && !stored.includes(CONVERSATION_ID), `an id was stored: ${stored}`);
            const named = Object.keys(raw[0]).filter((key) => /user|conversation|from|requester/i.test(key));
            assert.deepStrictEqual(named, [], 'no field names a person or a conversation');
        });
    });
}
