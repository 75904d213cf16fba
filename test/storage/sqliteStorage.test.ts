import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SqliteStorage } from '../../storage/sqliteStorage';
import { storageContract } from './storageContract';

function tempFile(): { file: string; cleanup: () => void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-sqlite-'));
    return { file: path.join(dir, 'nested', 'bot.sqlite'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

storageContract('SQLite', async () => {
    const { file, cleanup } = tempFile();
    const storage = new SqliteStorage(file);
    return { storage, close: async () => { storage.close(); cleanup(); } };
});

describe('SQLite storage file', () => {
    it('survives closing and reopening (a restart), in WAL mode', async () => {
        const { file, cleanup } = tempFile();
        try {
            const first = new SqliteStorage(file);
            await first.write({ 'conversation/1': { step: 'menuNes' } });
            first.close();
            const second = new SqliteStorage(file);
            assert.strictEqual((await second.read(['conversation/1']))['conversation/1'].step, 'menuNes');
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
            const stale = (await storage.read(['b'])).b.eTag;
            await storage.write({ b: { v: 2 } });
            await assert.rejects(storage.write({ a: { v: 9 }, b: { v: 9, eTag: stale } }), /eTag conflict/);
            const items = await storage.read(['a', 'b']);
            assert.deepStrictEqual([items.a.v, items.b.v], [1, 2]);
        } finally {
            storage.close();
            cleanup();
        }
    });
});
