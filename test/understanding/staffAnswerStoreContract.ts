import * as assert from 'assert';
import { ETagConflictError } from '../../core/errors';
import type { NewStaffAnswer, StaffAnswerStore } from '../../understanding/staffAnswers';

const ANSWER_TIME = Date.UTC(2026, 10, 27, 9, 0);
const AYSE = { id: 'aad-ayse', name: 'Ayşe Kütüphaneci' };

export function draftAnswer(title: string, more: Partial<NewStaffAnswer> = {}): NewStaffAnswer {
    return {
        title: { tr: title },
        text: { tr: `${title}: cevap` },
        examples: { tr: [`${title} nedir`] },
        status: 'active',
        conflicts: [],
        history: [{ at: ANSWER_TIME, actor: AYSE, action: 'added' }],
        createdAt: ANSWER_TIME,
        updatedAt: ANSWER_TIME,
        ...more,
    };
}

export interface OpenedAnswerStore {
    store: StaffAnswerStore;
    close: () => Promise<void>;
}

/** What every `StaffAnswerStore` must do, SQLite and Cosmos DB alike; it uses nothing but the interface. */
export function staffAnswerStoreContract(name: string, open: () => Promise<OpenedAnswerStore>): void {
    describe(`${name} staff answer store contract`, () => {
        let opened: OpenedAnswerStore;
        let store: StaffAnswerStore;

        beforeEach(async () => {
            opened = await open();
            store = opened.store;
        });
        afterEach(async () => opened.close());

        it('numbers answers from 1, reads them back by id and by number, lists them by number', async () => {
            assert.deepStrictEqual(await store.list(), []);
            const first = await store.create(draftAnswer('otopark'));
            const second = await store.create(draftAnswer('kütüphane katı', { examples: { tr: ['kütüphane kaçıncı katta'], en: ['which floor is the library on'] }, ticketNumber: 1004 }));
            assert.deepStrictEqual([first.number, second.number], [1, 2]);
            assert.deepStrictEqual(await store.get(second.id), second);
            assert.deepStrictEqual(await store.getByNumber(1), first);
            assert.strictEqual(await store.get('no-such-id'), undefined);
            assert.strictEqual(await store.getByNumber(99), undefined);
            assert.deepStrictEqual(
                (await store.list()).map((answer) => [answer.number, answer.title.tr, answer.ticketNumber]),
                [
                    [1, 'otopark', undefined],
                    [2, 'kütüphane katı', 1004],
                ],
            );
        });

        it('moves its version on with every write, and only then', async () => {
            const start = await store.version();
            const created = await store.create(draftAnswer('a'));
            const afterCreate = await store.version();
            assert.ok(afterCreate > start);
            assert.strictEqual(await store.version(), afterCreate, 'reading does not move it');
            await store.list();
            const edited = await store.update({ ...created, status: 'retired' });
            const afterUpdate = await store.version();
            assert.ok(afterUpdate > afterCreate);
            await assert.rejects(store.update({ ...created, title: { tr: 'stale' } }), ETagConflictError);
            assert.strictEqual(await store.version(), afterUpdate, 'a lost race writes nothing');
            assert.strictEqual((await store.get(created.id))?.status, 'retired');
            assert.notStrictEqual(edited.eTag, created.eTag);
        });

        it('of two edits from the same version one wins and the other is refused', async () => {
            const created = await store.create(draftAnswer('aynı anda'));
            const results = await Promise.allSettled([store.update({ ...created, title: { tr: 'birinci' } }), store.update({ ...created, title: { tr: 'ikinci' } })]);
            assert.strictEqual(results.filter((result) => result.status === 'fulfilled').length, 1);
            assert.ok(results.some((result) => result.status === 'rejected' && result.reason instanceof ETagConflictError));
        });

        it('gives answers created at once different numbers', async () => {
            const created = await Promise.all(Array.from({ length: 6 }, (_, i) => store.create(draftAnswer(`q${i}`))));
            assert.deepStrictEqual(
                created.map((answer) => answer.number).sort((a, b) => a - b),
                [1, 2, 3, 4, 5, 6],
            );
            assert.strictEqual((await store.list()).length, 6);
        });

        it('keeps every field as written: both languages, conflicts and the audit trail', async () => {
            const created = await store.create(
                draftAnswer('iki dil', {
                    title: { tr: 'Otopark', en: 'Parking' },
                    text: { tr: 'Kütüphane bilmiyor.', en: 'Ask security.' },
                    examples: { tr: ['otopark nerede'], en: ['where do I park'] },
                    conflicts: ['libraryContact'],
                    history: [
                        { at: ANSWER_TIME, actor: AYSE, action: 'added' },
                        { at: ANSWER_TIME + 1, actor: AYSE, action: 'edited' },
                    ],
                }),
            );
            const { eTag: _eTag, ...stored } = (await store.get(created.id))!;
            const { eTag: _created, ...expected } = created;
            assert.deepStrictEqual(stored, expected);
        });
    });
}
