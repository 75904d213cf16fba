import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { CosmosTestServer } from '../support/cosmosServer';
import { TicketWorld } from '../support/ticketWorld';

/** Tallies the Cosmos requests one turn makes (the README's request-unit estimate rests on these). */
async function requestsOf(server: CosmosTestServer, turn: () => Promise<unknown>): Promise<Record<string, number>> {
    const before = server.requests.length;
    await turn();
    const tally: Record<string, number> = {};
    for (const request of server.requests.slice(before)) tally[request] = (tally[request] ?? 0) + 1;
    return tally;
}

describe('Cosmos DB: requests per turn (local Cosmos server)', function () {
    this.timeout(30_000);
    const server = new CosmosTestServer();
    let world: TicketWorld;

    before(async () => {
        await server.start();
        world = new TicketWorld(server.env(`cost-${randomUUID()}`), server.overrides);
        await world.start();
        await world.installInStaffTeam();
    });
    after(async () => {
        await world.stop();
        await server.stop();
    });

    it('a guided-flow turn reads and writes the two state documents and records one insight event, nothing more', async () => {
        // Insights: the first event of a process looks up (or creates) the insights container once; not part of a turn's cost.
        const warm = world.webUser('web-warm');
        await warm.say('merhaba');
        await warm.pick('first');
        const user = world.webUser('web-cost');
        await user.say('merhaba');
        const turn = await requestsOf(server, () => user.pick('first'));
        assert.deepStrictEqual(turn, { 'GET docs': 2, 'POST docs': 3 }, 'two point reads, two upserts, one insight event (step reached)');
    });

    it('opening a ticket adds the counter read and one transactional batch; its staff notice a handful more', async () => {
        const user = world.teamsUser();
        await user.say('merhaba');
        await user.pick('askLibrary');
        const all = await requestsOf(server, async () => {
            await user.say('Kartım okunmuyor');
            await world.settle();
        });
        // Turn: 2 state reads, the counter read, 1 batch (counter, ticket, notice), 2 state upserts.
        // Delivery: outbox queries, claim and delivered mark (read + replace each), ticket and staff
        // channel reads, the staff thread remembered on the ticket (read + batch).
        assert.deepStrictEqual(all, { 'GET docs': 9, 'POST docs': 3, 'POST docs batch': 2, 'POST docs query': 2, 'PUT docs': 2 });
    });
});
