import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openSqlite } from '../../storage/openSqlite';
import { SqliteStorage } from '../../storage/sqliteStorage';
import { readItems, storageContract } from './storageContract';

function tempFile(): { file: string; cleanup: () => void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-sqlite-'));
    return { file: path.join(dir, 'nested', 'bot.sqlite'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

storageContract('SQLite', () => {
    const { file, cleanup } = tempFile();
    const storage = new SqliteStorage(file);
    const close = () => {
        storage.close();
        cleanup();
        return Promise.resolve();
    };
    return Promise.resolve({ storage, close });
});

describe('SQLite storage file', () => {
    it('survives closing and reopening (a restart), in WAL mode', async () => {
        const { file, cleanup } = tempFile();
        try {
            const first = new SqliteStorage(file);
            await first.write({ 'conversation/1': { step: 'menuNes' } });
            first.close();
            const second = new SqliteStorage(file);
            assert.strictEqual((await readItems(second, ['conversation/1']))['conversation/1'].step, 'menuNes');
            second.close();
            assert.ok(fs.existsSync(file));
        } finally {
            cleanup();
        }
    });

    it('a batch with one stale item writes nothing of the batch', async () => {
        const { file, cleanup } = tempFile();
        const storage = new SqliteStorage(file);
        try {
            await storage.write({ a: { v: 1 }, b: { v: 1 } });
            const stale = (await readItems(storage, ['b'])).b.eTag;
            await storage.write({ b: { v: 2 } });
            await assert.rejects(storage.write({ a: { v: 9 }, b: { v: 9, eTag: stale } }), /eTag conflict/);
            const items = await readItems(storage, ['a', 'b']);
            assert.deepStrictEqual([items.a.v, items.b.v], [1, 2]);
        } finally {
            storage.close();
            cleanup();
        }
    });
});

describe('SQLite storage retention', () => {
    it('deletes idle conversation and user state only, never the staff channel', async () => {
        const { file, cleanup } = tempFile();
        const storage = new SqliteStorage(file);
        try {
            await storage.write({ 'webchat/conversations/c1': { step: 1 }, 'msteams/users/u1': { language: 'tr' }, 'staffChannel/19:team': { channelId: 'x' } });
            assert.strictEqual(await storage.deleteIdleBefore(Date.now() - 60_000), 0, 'written just now: kept');
            assert.strictEqual(await storage.deleteIdleBefore(Date.now() + 1), 2);
            assert.deepStrictEqual(Object.keys(await storage.read(['webchat/conversations/c1', 'msteams/users/u1', 'staffChannel/19:team'])), ['staffChannel/19:team']);
        } finally {
            storage.close();
            cleanup();
        }
    });

    it('a file from before retention opens with its state intact, counted as written at the upgrade', async () => {
        const { file, cleanup } = tempFile();
        try {
            const old = openSqlite(file);
            old.exec('CREATE TABLE bot_state (key TEXT PRIMARY KEY, document TEXT NOT NULL, etag TEXT NOT NULL)');
            old.prepare('INSERT INTO bot_state VALUES (?, ?, ?)').run('webchat/users/u1', '{"language":"en"}', 'old-etag');
            old.close();
            const upgraded = new SqliteStorage(file);
            assert.deepStrictEqual((await upgraded.read(['webchat/users/u1']))['webchat/users/u1'], { language: 'en', eTag: 'old-etag' });
            assert.strictEqual(await upgraded.deleteIdleBefore(Date.now() - 60_000), 0);
            upgraded.close();
        } finally {
            cleanup();
        }
    });
});
