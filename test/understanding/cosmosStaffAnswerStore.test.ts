import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { StoreUnavailableError } from '../../core/errors';
import { CosmosStaffAnswerStore } from '../../storage/cosmosStaffAnswerStore';
import { CosmosTestServer } from '../support/cosmosServer';
import { draftAnswer, staffAnswerStoreContract } from './staffAnswerStoreContract';

const server = new CosmosTestServer();

describe('Cosmos DB staff answer store (local Cosmos server)', function () {
    this.timeout(30_000);
    before(() => server.start());
    after(() => server.stop());

    staffAnswerStoreContract('Cosmos DB', () => {
        const store = new CosmosStaffAnswerStore(server.settings(`answers-${randomUUID()}`));
        return Promise.resolve({ store, close: () => store.close() });
    });

    it("two clients on one database (two instances) share answers and see each other's version", async () => {
        const database = `answers-${randomUUID()}`;
        const a = new CosmosStaffAnswerStore(server.settings(database));
        const b = new CosmosStaffAnswerStore(server.settings(database));
        try {
            const before = await b.version();
            await a.create(draftAnswer('a'));
            assert.ok((await b.version()) > before);
            assert.deepStrictEqual(
                (await b.list()).map((answer) => answer.title.tr),
                ['a'],
            );
        } finally {
            await a.close();
            await b.close();
        }
    });

    it('with the server down a write is refused with StoreUnavailableError; it works again once it is back', async () => {
        const store = new CosmosStaffAnswerStore(server.settings(`answers-${randomUUID()}`));
        try {
            await store.create(draftAnswer('before'));
            await server.stop();
            try {
                await assert.rejects(store.create(draftAnswer('during')), StoreUnavailableError);
                await assert.rejects(store.version(), StoreUnavailableError);
            } finally {
                await server.start();
            }
            await store.create(draftAnswer('after'));
            assert.deepStrictEqual(
                (await store.list()).map((answer) => answer.title.tr),
                ['before', 'after'],
            );
        } finally {
            await store.close();
        }
    });
});
