import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { CosmosTicketStore } from '../../storage/cosmosTicketStore';
import { StoreUnavailableError } from '../../core/errors';
import { CosmosTestServer } from '../support/cosmosServer';
import { changed, minutes, sampleTicket, TICKET_TIME } from './sampleTickets';
import { ticketStoreContract } from './ticketStoreContract';
import { outboxClaimsAndRetention } from './outboxClaimsAndRetention';

const server = new CosmosTestServer();
const openStore = (database = `tickets-${randomUUID()}`) => new CosmosTicketStore(server.settings(database));

describe('Cosmos DB ticket store (local Cosmos server)', function () {
    this.timeout(30_000);
    before(() => server.start());
    after(() => server.stop());

    ticketStoreContract('Cosmos DB', () => {
        const store = openStore();
        return Promise.resolve({ store, close: () => store.close() });
    });
    outboxClaimsAndRetention('Cosmos DB', () => {
        const store = openStore();
        return Promise.resolve({ store, close: () => store.close() });
    });

    it('numbers start at 1001 and stay unique when two instances create at once', async () => {
        const database = `tickets-${randomUUID()}`;
        const [a, b] = [openStore(database), openStore(database)];
        const created = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).create(sampleTicket({ createdAt: TICKET_TIME + i }), [{ target: 'staff', historyIndex: 0 }])));
        const numbers = created.map((ticket) => ticket.number).sort((x, y) => x - y);
        assert.deepStrictEqual(
            numbers,
            numbers.map((_, i) => 1001 + i),
        );
        assert.strictEqual((await a.pendingNotices(Number.MAX_SAFE_INTEGER, 100)).length, 10);
    });

    it('with the server down a write is refused with StoreUnavailableError and leaves nothing behind', async () => {
        const store = openStore();
        const created = await store.create(sampleTicket(), []);
        await server.stop();
        try {
            await assert.rejects(store.update(changed(created, 'claimed', TICKET_TIME + minutes(1), 'claimed'), [{ target: 'user', historyIndex: 1 }]), StoreUnavailableError);
            await assert.rejects(store.ping(), StoreUnavailableError);
        } finally {
            await server.start();
        }
        assert.deepStrictEqual(await store.get(created.id), created);
        assert.deepStrictEqual(await store.pendingNotices(Number.MAX_SAFE_INTEGER, 10), []);
    });
});
