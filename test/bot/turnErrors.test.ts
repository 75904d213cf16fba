import * as assert from 'assert';
import { MemoryStorage } from 'botbuilder';
import { isStateBroken, isStoreUnavailable, isTransientFailure } from '../../bot/turnErrorHandler';
import { createLogger } from '../../core/logger';
import { SqliteStorage } from '../../storage/sqliteStorage';
import { TestChat } from '../support/testBot';
import { play } from '../support/conversationTable';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A connector call that failed, as botbuilder's REST client reports it. */
const connectorFailure = () => Object.assign(new Error('Service Unavailable'), { name: 'RestError', statusCode: 503 });

describe('a failing turn', () => {
    it("apologises in the user's language, logs the error without the user's words, and keeps the user's place", async () => {
        const lines: string[] = [];
        const chat = new TestChat({ locale: 'en-US', failOn: 'boom please', logger: createLogger('debug', (line) => lines.push(line)) });
        await play(chat, [{ open: true }]);
        await chat.pick('first');
        await play(chat, [{ say: 'boom please', sees: ['Sorry, something went wrong', "you haven't lost your place"] }]);
        await chat.pick('yes');
        assert.match(chat.text(), /Step 2 \//, 'the same step goes on');
        const logged = lines.map((line) => JSON.parse(line) as { level: string; message: string; error?: string });
        assert.ok(logged.some((entry) => entry.level === 'error' && entry.error === 'simulated failure'));
        assert.ok(!lines.join('\n').includes('boom please'), "the user's text must not be logged");
    });

    it('logs a Direct Line or web chat conversation by a hash, never by its id, which works like a password (security review 2, N14)', async () => {
        for (const channelId of ['directline', 'webchat']) {
            const lines: string[] = [];
            const conversationId = `${channelId}-xhVsvHroPImEnac1DpETEbyW`;
            const chat = new TestChat({ channelId, conversationId, failOn: 'x', logger: createLogger('debug', (line) => lines.push(line)) });
            await play(chat, [{ open: true }, { say: 'x', sees: ['Üzgünüm, bir şeyler ters gitti'] }]);
            const failure = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.level === 'error' && /turn failed/.test(String(entry.message)));
            assert.ok(failure, 'the failure is logged');
            assert.match(String(failure.conversationHash), /^[0-9a-f]{12}$/);
            assert.ok(!lines.join('\n').includes(conversationId), `${channelId}: the conversation id was logged`);
        }
    });

    it('apologises in Turkish by default', async () => {
        await play(new TestChat({ failOn: 'x' }), [{ open: true }, { say: 'x', sees: ['Üzgünüm, bir şeyler ters gitti'] }]);
    });

    it('a brief connector failure mid-ticket loses nothing: the next answer goes on from the same question', async () => {
        const chat = new TestChat({ failOn: 'x', failWith: connectorFailure });
        await play(chat, [{ open: true }]);
        await chat.pick('first');
        assert.match(chat.text(), /Adım 1 \//);
        await play(chat, [{ say: 'x', sees: ['Üzgünüm, bir şeyler ters gitti'] }]);
        await chat.pick('yes');
        assert.match(chat.text(), /Adım 2 \//, 'the same question goes on');
    });

    it('when the dialog state itself is broken, the stack is cleared and the user is offered to resume', async () => {
        const chat = new TestChat({ locale: 'en-US', failOn: 'x', failWith: () => new TypeError("Cannot read properties of undefined (reading 'stepId')") });
        await play(chat, [{ open: true }]);
        await chat.pick('first');
        await play(chat, [
            { say: 'x', sees: ['Sorry, something went wrong'] },
            { say: 'hello', sees: ['Welcome back!', 'Step 1 /'] },
        ]);
    });

    it('a SQLite failure is a store that is unavailable: the user is asked to retry, state left alone', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-sqlite-down-'));
        try {
            const storage = new SqliteStorage(path.join(dir, 'bot.sqlite'));
            const chat = new TestChat({ storage, locale: 'en-US' });
            await play(chat, [{ open: true }]);
            await chat.pick('first');
            storage.close();
            await chat.pick('yes');
            assert.match(chat.text(), /I can't reach my records right now/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('telling failures apart', () => {
    it('a store that is down, including a raw SQLite error', () => {
        const sqlite = Object.assign(new Error('database is locked'), { name: 'SqliteError', code: 'SQLITE_BUSY' });
        assert.ok(isStoreUnavailable(sqlite));
        assert.ok(isStoreUnavailable(Object.assign(new Error('dialog failed'), { error: sqlite })));
        assert.ok(!isStoreUnavailable(new Error('simulated failure')));
    });

    it('a transient failure of a call out, and a broken state', () => {
        assert.ok(isTransientFailure(connectorFailure()));
        assert.ok(isTransientFailure(new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })));
        assert.ok(!isStateBroken(new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })));
        assert.ok(isStateBroken(new Error("DialogContext.continue(): Can't continue dialog. A dialog with an id of 'old' wasn't found.")));
        assert.ok(isStateBroken(Object.assign(new Error('step failed'), { error: new RangeError('Invalid array length') })));
        assert.ok(!isStateBroken(new Error('simulated failure')));
        assert.ok(!isStateBroken(new MemoryStorage()));
    });
});
