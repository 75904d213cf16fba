import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { CosmosStorage } from '../../storage/cosmosStorage';
import { ETagConflictError, StoreUnavailableError } from '../../core/errors';
import { CosmosTestServer } from '../support/cosmosServer';
import { readItems, storageContract } from './storageContract';

const server = new CosmosTestServer();
const openStorage = () => new CosmosStorage({ ...server.settings(`state-${randomUUID()}`) });

describe('Cosmos DB bot state (local Cosmos server)', function () {
    this.timeout(30_000);
    before(() => server.start());
    after(() => server.stop());

    storageContract('Cosmos DB', () => {
        const storage = openStorage();
        const close = () => {
            storage.close();
            return Promise.resolve();
        };
        return Promise.resolve({ storage, close });
    });

    it('a stale eTag is an ETagConflictError, like the SQLite store', async () => {
        const storage = openStorage();
        await storage.write({ k: { n: 1 } });
        const stale = (await readItems(storage, ['k'])).k.eTag;
        await storage.write({ k: { n: 2 } });
        await assert.rejects(storage.write({ k: { n: 3, eTag: stale } }), ETagConflictError);
    });

    it('retention deletes idle conversation and user state only, never the staff channel', async () => {
        const storage = openStorage();
        await storage.write({ 'webchat/conversations/c1': { step: 1 }, 'msteams/users/u1': { language: 'tr' }, 'staffChannel/19:team': { channelId: 'x' } });
        assert.strictEqual(await storage.deleteIdleBefore(Date.now() - 60_000), 0, 'written just now: kept');
        assert.strictEqual(await storage.deleteIdleBefore(Date.now() + 2_000), 2);
        const left = await storage.read(['webchat/conversations/c1', 'msteams/users/u1', 'staffChannel/19:team']);
        assert.deepStrictEqual(Object.keys(left), ['staffChannel/19:team']);
    });

    it('with the server down it answers StoreUnavailableError, and works again once it is back', async () => {
        const storage = openStorage();
        await storage.write({ k: { n: 1 } });
        await server.stop();
        try {
            await assert.rejects(storage.read(['k']), StoreUnavailableError);
            await assert.rejects(storage.ping(), StoreUnavailableError);
        } finally {
            await server.start();
        }
        assert.strictEqual((await readItems(storage, ['k'])).k.n, 1);
    });

    it('a store first used while the server is down recovers when it comes back', async () => {
        await server.stop();
        const storage = openStorage();
        try {
            await assert.rejects(storage.write({ k: { n: 1 } }), StoreUnavailableError);
        } finally {
            await server.start();
        }
        await storage.write({ k: { n: 2 } });
        assert.strictEqual((await readItems(storage, ['k'])).k.n, 2);
    });
});
