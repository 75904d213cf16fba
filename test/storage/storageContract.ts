import * as assert from 'assert';
import type { Storage } from 'botbuilder';

/** An item as these tests read it back: the fields they write, and the eTag the store adds. */
interface TestItem {
    eTag?: string;
    n?: number;
    v?: number;
    index?: number;
    step?: number | string;
    [field: string]: unknown;
}

/** `storage.read` with the items typed (botbuilder types every item as `any`). */
export function readItems(storage: Storage, keys: string[]): Promise<Record<string, TestItem>> {
    return storage.read(keys);
}

/**
 * What every store behind botbuilder's `Storage` must do. Run against each implementation
 * (SQLite now, Cosmos DB later) so they cannot drift apart.
 */
export function storageContract(name: string, open: () => Promise<{ storage: Storage; close: () => Promise<void> }>): void {
    describe(`${name} storage contract`, () => {
        let storage: Storage;
        let close: () => Promise<void>;

        beforeEach(async () => {
            ({ storage, close } = await open());
        });
        afterEach(async () => close());

        it('reads back what it wrote, with an eTag, and nothing for unknown keys', async () => {
            await storage.write({ 'user/1': { language: 'en', nested: { list: [1, 2] } } });
            const items = await readItems(storage, ['user/1', 'missing']);
            assert.deepStrictEqual({ ...items['user/1'], eTag: undefined }, { language: 'en', nested: { list: [1, 2] }, eTag: undefined });
            assert.ok(typeof items['user/1'].eTag === 'string' && items['user/1'].eTag.length > 0);
            assert.ok(!('missing' in items));
        });

        it('a write with the current eTag wins and changes the eTag', async () => {
            await storage.write({ k: { n: 1 } });
            const { k } = await readItems(storage, ['k']);
            await storage.write({ k: { n: 2, eTag: k.eTag } });
            const after = (await readItems(storage, ['k'])).k;
            assert.strictEqual(after.n, 2);
            assert.notStrictEqual(after.eTag, k.eTag);
        });

        it('a write with a stale eTag is refused and changes nothing', async () => {
            await storage.write({ k: { n: 1 } });
            const stale = (await readItems(storage, ['k'])).k.eTag;
            await storage.write({ k: { n: 2, eTag: stale } });
            await assert.rejects(storage.write({ k: { n: 3, eTag: stale } }));
            assert.strictEqual((await readItems(storage, ['k'])).k.n, 2);
        });

        it('"*" or no eTag overwrites (last writer wins, as BotState expects)', async () => {
            await storage.write({ k: { n: 1 } });
            await storage.write({ k: { n: 2, eTag: '*' } });
            await storage.write({ k: { n: 3 } });
            assert.strictEqual((await readItems(storage, ['k'])).k.n, 3);
        });

        it('keys with slashes, spaces, Turkish letters and great length are kept apart', async () => {
            const keys = ['msteams/conversations/a:b/x', 'webchat/users/Ayşe Işık', `long/${'x'.repeat(400)}`];
            await storage.write(Object.fromEntries(keys.map((key, index) => [key, { index }])));
            const items = await readItems(storage, keys);
            keys.forEach((key, index) => assert.strictEqual(items[key].index, index));
        });

        it('delete removes only the given keys, and deleting a missing key is fine', async () => {
            await storage.write({ a: { v: 1 }, b: { v: 2 } });
            await storage.delete(['a', 'never-there']);
            const items = await readItems(storage, ['a', 'b']);
            assert.ok(!('a' in items));
            assert.strictEqual(items.b.v, 2);
        });
    });
}
