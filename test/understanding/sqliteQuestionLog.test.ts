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
    return Promise.resolve({
        log,
        raw: () => Promise.resolve(rawRows(file)),
        close: async () => {
            await log.close();
            cleanup();
        },
    });
});

describe('SQLite question log file', () => {
    it('keeps questions across a restart, in a WAL file', async () => {
        const { file, cleanup } = tempFile();
        try {
            const first = new SqliteQuestionLog(file);
            await first.record({ id: 'q-kept', text: 'kept', language: 'en', stepId: 'start', askedAt: QUESTION_TIME });
            await first.close();
            const second = new SqliteQuestionLog(file);
            assert.deepStrictEqual(await second.list(0, QUESTION_TIME + 1), [{ id: 'q-kept', text: 'kept', language: 'en', stepId: 'start', askedAt: QUESTION_TIME, outcome: 'unknown' }]);
            await second.close();
            assertWalJournal(file);
        } finally {
            cleanup();
        }
    });

    it('opens a file of the first version (no outcome, candidates or choice): its questions read as unknown ones, new ones keep everything', async () => {
        const { file, cleanup } = tempFile();
        try {
            const old = openSqlite(file);
            old.exec('CREATE TABLE questions (seq INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL, language TEXT NOT NULL, step_id TEXT, asked_at INTEGER NOT NULL)');
            old.prepare('INSERT INTO questions (text, language, step_id, asked_at) VALUES (?, ?, ?, ?)').run('eski soru', 'tr', null, QUESTION_TIME);
            old.close();
            const log = new SqliteQuestionLog(file);
            await log.record({ id: 'q-new', text: 'yeni soru', language: 'tr', askedAt: QUESTION_TIME + 1, outcome: 'unsure', candidates: ['fees'] });
            await log.recordChoice('q-new', 'fees');
            assert.deepStrictEqual(await log.list(0, QUESTION_TIME + 2), [
                { text: 'eski soru', language: 'tr', askedAt: QUESTION_TIME, outcome: 'unknown' },
                { id: 'q-new', text: 'yeni soru', language: 'tr', askedAt: QUESTION_TIME + 1, outcome: 'unsure', candidates: ['fees'], chosen: 'fees' },
            ]);
            await log.close();
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
            await assert.rejects(log.recordChoice('q', 'fees'), isStoreUnavailable);
        } finally {
            cleanup();
        }
    });
});
