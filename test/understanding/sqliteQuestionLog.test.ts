import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openSqlite } from '../../storage/openSqlite';
import { SqliteQuestionLog } from '../../storage/sqliteQuestionLog';
import { questionLogContract, QUESTION_TIME } from './questionLogContract';

function tempFile(): { file: string; cleanup: () => void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-questions-'));
    return { file: path.join(dir, 'data', 'questions.sqlite'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

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
            const raw = openSqlite(file, { readonly: true });
            assert.strictEqual(raw.prepare('PRAGMA journal_mode').pluck().get(), 'wal');
            raw.close();
        } finally {
            cleanup();
        }
    });

    it('a closed log answers StoreUnavailableError, not a raw SQLite error', async () => {
        const { file, cleanup } = tempFile();
        const log = new SqliteQuestionLog(file);
        await log.close();
        try {
            const unavailable = (error: Error & { code?: string }) => error.code === 'STORE_UNAVAILABLE';
            await assert.rejects(log.record({ text: 'x', language: 'tr', askedAt: QUESTION_TIME }), unavailable);
            await assert.rejects(log.list(0, QUESTION_TIME), unavailable);
            await assert.rejects(log.deleteOlderThan(QUESTION_TIME), unavailable);
        } finally {
            cleanup();
        }
    });
});
