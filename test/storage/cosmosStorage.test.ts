import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import { CosmosStorage } from '../../storage/cosmosStorage';
import { ETagConflictError, StoreUnavailableError } from '../../core/errors';
import { CosmosTestServer } from '../support/cosmosServer';
import { readItems, storageContract } from './storageContract';

const server = new CosmosTestServer();
const openStorage = () => new CosmosStorage({ ...server.settings(`state-${randomUUID()}`) });

/** botbuilder-azure's storage, which wrote the bot's state before ours did, on the same database and container. */
function botbuilderAzureStorage(database: string): CosmosDbPartitionedStorage {
    return new CosmosDbPartitionedStorage({
        cosmosDbEndpoint: server.endpoint,
        authKey: 'test-key',
        databaseId: database,
        containerId: 'botState',
        compatibilityMode: false,
        cosmosClientOptions: { agent: server.agent, connectionPolicy: { enableEndpointDiscovery: false } },
    });
}

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

    it('state written by botbuilder-azure is read as it was, and what we write it reads back: same items, same ids', async () => {
        const database = `state-${randomUUID()}`;
        const ours = new CosmosStorage(server.settings(database));
        const theirs = botbuilderAzureStorage(database);
        // Keys with the characters Cosmos refuses in an id (/, ?, #, \, *, tab) and a Teams conversation id.
        const keys = ['msteams/conversations/19:abc@thread.tacv2;messageid=1/', 'webchat/users/a?b#c\\d*e\tf', 'staffChannel/19:team'];
        try {
            // Ours first: it creates the database, which botbuilder-azure expects to exist.
            await ours.write({ [keys[1]]: { language: 'tr', flowProgress: { stepId: 'login' } }, [keys[2]]: { channelId: 'x' } });
            await theirs.write({ [keys[0]]: { dialogState: { dialogStack: [{ id: 'main' }] }, turn: 3 } });
            const readByUs = await readItems(ours, keys);
            const readByThem = await readItems(theirs, keys);
            assert.deepStrictEqual(Object.keys(readByUs).sort(), [...keys].sort());
            assert.deepStrictEqual(readByUs, readByThem);
            assert.deepStrictEqual(readByUs[keys[0]].dialogState, { dialogStack: [{ id: 'main' }] });
            // A conditional write on the eTag the other one read: both see the same item version.
            await ours.write({ [keys[0]]: { ...readByThem[keys[0]], turn: 4 } });
            await assert.rejects(theirs.write({ [keys[0]]: { ...readByThem[keys[0]], turn: 5 } }));
            assert.strictEqual((await readItems(theirs, [keys[0]]))[keys[0]].turn, 4);
            await theirs.delete([keys[1]]);
            assert.deepStrictEqual(Object.keys(await ours.read([keys[1]])), []);
        } finally {
            ours.close();
        }
    });
});
