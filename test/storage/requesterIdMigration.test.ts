import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as path from 'path';
import type { Storage } from 'botbuilder';
import { CosmosStorage, REFERENCES_CONTAINER } from '../../storage/cosmosStorage';
import { CosmosTicketStore } from '../../storage/cosmosTicketStore';
import { SqliteStorage } from '../../storage/sqliteStorage';
import { SqliteTicketStore } from '../../storage/sqliteTicketStore';
import type { TicketStore } from '../../tickets/ticketStore';
import { CosmosTestServer } from '../support/cosmosServer';
import { STAFF, STAFF_TEAM, TEAMS_USER, TicketWorld, textOf } from '../support/ticketWorld';
import { sampleTicket } from '../tickets/sampleTickets';

/** A Teams user's id before ids carried their channel (local mode files Teams' own user id). */
const BARE_ID = TEAMS_USER.id;
const PERSONAL = 'a:personal-mehmet';
const LATER_CHAT = 'a:personal-mehmet-later';

/**
 * What an earlier version left in the stores: the Teams user's ticket, a web chat ticket filed under
 * the same bare id (how an impersonator's ticket was stored), a reminder, and the Teams user's
 * latest chat under the bare id.
 */
async function seedBeforeChannelPrefixes(tickets: TicketStore, references: Storage, connectorUrl: string): Promise<void> {
    const teamsChat = {
        channelId: 'msteams',
        serviceUrl: connectorUrl,
        bot: { id: '28:bot', name: 'e-imza' },
        user: { id: TEAMS_USER.id, name: TEAMS_USER.name },
        conversation: { id: PERSONAL, isGroup: false, conversationType: 'personal', name: '' },
    };
    const requester = { id: BARE_ID, name: TEAMS_USER.name, email: TEAMS_USER.email, language: 'tr' as const };
    await tickets.create(sampleTicket({ requester: { ...requester, reference: teamsChat }, details: { question: 'Teams kullanıcısının sorusu' } }), [{ target: 'staff', historyIndex: 0 }]);
    await tickets.create(
        sampleTicket({
            requester: { ...requester, name: 'Web', reference: { ...teamsChat, channelId: 'directline', conversation: { ...teamsChat.conversation, id: 'dl-conversation' } } },
            details: { question: 'web sohbetinden sızma' },
        }),
        [],
    );
    await tickets.saveRenewalReminder({ id: randomUUID(), userId: BARE_ID, language: 'tr', expiryMonth: 3, expiryYear: 2027, reference: teamsChat, createdAt: Date.now() }, []);
    await references.write({ [`references/users/${BARE_ID}`]: { reference: { ...teamsChat, conversation: { ...teamsChat.conversation, id: LATER_CHAT } }, updatedAt: Date.now(), eTag: '*' } });
}

/** After the update notices go to the latest chat recorded before it; the Teams user finds what is theirs, and only that. */
async function checkAfterUpdate(world: TicketWorld): Promise<void> {
    await world.installInStaffTeam();
    const [ticket] = await world.app.services.tickets.listByRequester(`msteams:${BARE_ID}`);
    assert.ok(ticket, "the Teams user's ticket carries their channel now");
    const thread = (await world.connector.waitFor((call) => call.kind === 'createConversation' && call.channelId === STAFF_TEAM)).conversationId;
    await world.staffClicks(STAFF.ayse, 'claim', { ticketId: ticket.id }, thread);
    await world.settle();
    const notice = await world.connector.waitFor((call) => call.kind === 'send' && /#1001/.test(textOf(call)) && !call.conversationId.startsWith(STAFF_TEAM));
    assert.strictEqual(notice.conversationId, LATER_CHAT, 'the latest chat recorded before the update');

    const user = world.teamsUser();
    assert.match(await user.pick('reminders'), /Mart 2027/);
    await user.pick('done');
    const listed = await user.pick('myTickets');
    assert.match(listed, /#1001/, listed);
    assert.doesNotMatch(listed, /#1002/, 'the web chat ticket under the same bare id is not theirs');
}

describe('requester ids gain their channel when the bot starts on data an earlier version wrote (security review 2, N1)', function () {
    this.timeout(60_000);

    it("SQLite: the Teams user finds their ticket, reminder and latest chat; the web chat ticket under the same id stays someone else's", async () => {
        const world = new TicketWorld();
        try {
            await world.start(async () => {
                const tickets = new SqliteTicketStore(path.join(world.dataDir, 'tickets.sqlite'));
                const references = new SqliteStorage(path.join(world.dataDir, 'bot.sqlite'));
                await seedBeforeChannelPrefixes(tickets, references, world.connector.url);
                await tickets.close();
                references.close();
            });
            await checkAfterUpdate(world);
        } finally {
            await world.stop();
        }
    });

    describe('Cosmos DB', () => {
        const server = new CosmosTestServer();
        before(() => server.start());
        after(() => server.stop());

        it('the same on Cosmos DB, and a second instance starting later changes nothing more', async () => {
            const database = `migration-${randomUUID()}`;
            const world = new TicketWorld(server.env(database), server.overrides);
            try {
                const tickets = new CosmosTicketStore(server.settings(database));
                const references = new CosmosStorage(server.settings(database), REFERENCES_CONTAINER);
                await world.start(() => seedBeforeChannelPrefixes(tickets, references, world.connector.url));
                await checkAfterUpdate(world);
                const second = await world.secondInstance();
                await second.close();
                assert.deepStrictEqual((await tickets.listByRequester(BARE_ID)).length, 0);
                assert.deepStrictEqual(
                    (await tickets.listByRequester(`directline:${BARE_ID}`)).map((ticket) => ticket.details.question),
                    ['web sohbetinden sızma'],
                );
                await tickets.close();
                references.close();
            } finally {
                await world.stop();
            }
        });
    });
});
