import * as assert from 'assert';
import { SqliteStaffAnswerStore } from '../../storage/sqliteStaffAnswerStore';
import { assertWalJournal, isStoreUnavailable, tempSqliteFile } from '../support/sqliteFiles';
import { draftAnswer, staffAnswerStoreContract } from './staffAnswerStoreContract';

const tempFile = () => tempSqliteFile('eimza-answers-', 'answers.sqlite');

staffAnswerStoreContract('SQLite', () => {
    const { file, cleanup } = tempFile();
    const store = new SqliteStaffAnswerStore(file);
    return Promise.resolve({
        store,
        close: async () => {
            await store.close();
            cleanup();
        },
    });
});

describe('SQLite staff answer file', () => {
    it('two stores on one file (two bot processes) share answers, numbers and the version', async () => {
        const { file, cleanup } = tempFile();
        const a = new SqliteStaffAnswerStore(file);
        const b = new SqliteStaffAnswerStore(file);
        try {
            await a.create(draftAnswer('a'));
            const second = await b.create(draftAnswer('b'));
            assert.strictEqual(second.number, 2);
            assert.strictEqual(await a.version(), await b.version());
            assert.deepStrictEqual(
                (await a.list()).map((answer) => answer.title.tr),
                ['a', 'b'],
            );
            assertWalJournal(file);
        } finally {
            await a.close();
            await b.close();
            cleanup();
        }
    });

    it('a closed store answers StoreUnavailableError, not a raw SQLite error', async () => {
        const { file, cleanup } = tempFile();
        const store = new SqliteStaffAnswerStore(file);
        await store.close();
        try {
            await assert.rejects(store.create(draftAnswer('x')), isStoreUnavailable);
            await assert.rejects(store.version(), isStoreUnavailable);
            await assert.rejects(store.list(), isStoreUnavailable);
        } finally {
            cleanup();
        }
    });
});
