import { randomUUID } from 'crypto';
import { CosmosTestServer } from './cosmosServer';
import { TicketWorld } from './ticketWorld';

/** The two bots of the test that is running; reading them outside a test (or its hooks) throws. */
export interface InstancePair {
    readonly a: TicketWorld;
    readonly b: TicketWorld;
}

/**
 * Two bot instances on one Cosmos DB database, as two App Service instances behind one endpoint:
 * the same data, each with its own process-level state (clock, connector, dispatcher).
 * Registers mocha hooks in the calling `describe`: a local Cosmos server for the whole block and a
 * fresh database (`<database>-<uuid>`) for every test, so nothing one test writes is seen by the next.
 * `inStaffTeam`: A is installed in the staff team once both instances run, for tests of staff cards.
 */
export function twoInstancesOnOneCosmosDb(database: string, options: { inStaffTeam: boolean }): InstancePair {
    const server = new CosmosTestServer();
    let pair: { a: TicketWorld; b: TicketWorld } | undefined;

    before(() => server.start());
    after(() => server.stop());
    beforeEach(async () => {
        const env = server.env(`${database}-${randomUUID()}`);
        const a = new TicketWorld(env, server.overrides);
        const b = new TicketWorld(env, server.overrides);
        pair = { a, b };
        await a.start();
        await b.start();
        if (options.inStaffTeam) await a.installInStaffTeam();
    });
    afterEach(async () => {
        await pair?.a.stop();
        await pair?.b.stop();
    });

    // Getters: every test gets new instances, so tests read them inside the test (`const { a, b } = instances`).
    const current = () => {
        if (!pair) throw new Error('the two bot instances exist only while a test runs');
        return pair;
    };
    return {
        get a() {
            return current().a;
        },
        get b() {
            return current().b;
        },
    };
}
