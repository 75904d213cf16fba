import * as assert from 'assert';
import { openSqlite } from '../../storage/openSqlite';
import { SqliteQuestionLog } from '../../storage/sqliteQuestionLog';
import { questionLogContract, QUESTION_TIME } from './questionLogContract';
import { assertWalJournal, isStoreUnavailable, tempSqliteFile } from '../support/sqliteFiles';

const tempFile = () => tempSqliteFile('eimza-questions-', 'questions.sqlite');

function rawRows(file: string): Record<string, unknown>[] {
    const raw = openSqlite(file, { readonly: true });
    try {
        return raw.prepare<[], Record<string, unknown>>('SELECT * FROM questions').all();
    } finally {
        raw.close();
    }
}

questionLogContract('SQLite', () => {
    const { file, cleanup } = tempFile();
    const log = new SqliteQuestionLog(file);
    return Promise.resolve({ log, raw: () => Promise.resolve(rawRows(file)), close: async () => { await log.close(); cleanup(); } });
});

describe('SQLite question log file', () => {
    it('keeps questions across a restart, in a WAL file', async () => {
        const { file, cleanup } = tempFile();
        try {
            const first = new SqliteQuestionLog(file);
            await first.record({ text: 'kept', language: 'en', stepId: 'start', askedAt: QUESTION_TIME });
            await first.close();
            const second = new SqliteQuestionLog(file);
            assert.deepStrictEqual(await second.list(0, QUESTION_TIME + 1), [{ text: 'kept', language: 'en', stepId: 'start', askedAt: QUESTION_TIME }]);
            await second.close();
            assertWalJournal(file);
        } finally {
            cleanup();
        }
    });

    it('a closed log answers StoreUnavailableError, not a raw SQLite error', async () => {
        const { file, cleanup } = tempFile();
        const log = new SqliteQuestionLog(file);
        await log.close();
        try {
            await assert.rejects(log.record({ text: 'x', language: 'tr', askedAt: QUESTION_TIME }), isStoreUnavailable);
            await assert.rejects(log.list(0, QUESTION_TIME), isStoreUnavailable);
            await assert.rejects(log.deleteOlderThan(QUESTION_TIME), isStoreUnavailable);
        } finally {
            cleanup();
        }
    });
});
