import * as assert from 'assert';
import { randomUUID } from 'crypto';
import type { App } from '../../app/createApp';
import type { ConnectorCall } from '../support/fakeConnector';
import { CosmosTestServer } from '../support/cosmosServer';
import { STAFF, STAFF_TEAM, TicketWorld, ticketIdOf, textOf } from '../support/ticketWorld';
import { twoInstancesOnOneCosmosDb } from '../support/twoInstances';

const isStaffCard = (call: ConnectorCall) => call.kind === 'createConversation' && call.channelId === STAFF_TEAM;

async function health(app: App): Promise<{ status: number; body: { store?: string } }> {
    const response = await fetch(`http://127.0.0.1:${app.server.address().port}/healthz`);
    return { status: response.status, body: (await response.json()) as { store?: string } };
}

describe('Cosmos DB: several bot instances on one database (local Cosmos server)', function () {
    this.timeout(30_000);
    // Two instances behind one endpoint: same database, each with its own process-level state.
    const instances = twoInstancesOnOneCosmosDb('bot', { inStaffTeam: true });

    const bothSettled = () => Promise.all([instances.a.settle(), instances.b.app.dispatcher.settled()]);
    const kickBoth = () => {
        instances.a.app.dispatcher.kick();
        instances.b.app.dispatcher.kick();
    };

    it('reports Cosmos DB in /healthz', async () => {
        assert.deepStrictEqual(await health(instances.a.app), { status: 200, body: { status: 'ok', store: 'cosmos' } });
    });

    it('a conversation started on instance A goes on on instance B', async () => {
        const { a, b } = instances;
        const onA = a.webUser('web-travels');
        await onA.say('merhaba');
        await onA.pick('first');
        const onB = b.webUser('web-travels');
        assert.match(await onB.pick('no'), /Talebimi buradan gönder/);
        assert.match(await onB.pick('sendViaBot'), /Adınız ve soyadınız nedir\?/);
        assert.match(await onA.say('Zeynep Kaya'), /Kurumsal e-posta adresiniz/, 'and back on A');
    });

    it('a ticket claimed on A and on B at once has one winner; one reminder; every notice goes out once', async () => {
        const { a, b } = instances;
        const user = a.teamsUser();
        await user.say('merhaba');
        await user.pick('askLibrary');
        await user.say('İki sunucu, bir talep');
        kickBoth();
        await bothSettled();
        const card = await a.connector.waitFor(isStaffCard);
        const ticketId = ticketIdOf(card);

        await Promise.all([a.staffClicks(STAFF.ayse, 'claim', { ticketId }, card.conversationId), b.staffClicks(STAFF.burak, 'claim', { ticketId }, card.conversationId)]);
        kickBoth();
        await bothSettled();
        const claimed = (await a.app.services.tickets.get(ticketId))!;
        assert.strictEqual(claimed.history.filter((entry) => entry.action === 'claimed').length, 1);
        assert.ok([STAFF.ayse.name, STAFF.burak.name].includes(claimed.assignee!.name));

        for (const world of [a, b]) world.clock.advanceMinutes(3 * 24 * 60);
        const sent = await Promise.all([a.app.sweepReminders(), b.app.sweepReminders(), a.app.sweepReminders(), b.app.sweepReminders()]);
        assert.strictEqual(
            sent.reduce((sum, n) => sum + n, 0),
            1,
        );
        kickBoth();
        await bothSettled();

        const ticket = (await a.app.services.tickets.get(ticketId))!;
        assert.deepStrictEqual(
            ticket.history.map((entry) => entry.action),
            ['created', 'claimed', 'reminded'],
        );
        const calls = [...a.connector.calls, ...b.connector.calls];
        assert.strictEqual(calls.filter(isStaffCard).length, 1, 'one staff thread');
        // Messages only: on a busy machine a turn may also show "typing…" in the user's chat.
        const toUser = calls.filter((call) => call.kind === 'send' && call.conversationId === user.conversationId && call.activity.type !== 'typing');
        assert.strictEqual(toUser.length, 1, `the user hears of the claim once: ${toUser.map(textOf).join(' | ')}`);
        const threadMessages = calls.filter((call) => call.kind === 'send' && call.conversationId === card.conversationId).map(textOf);
        assert.strictEqual(new Set(threadMessages).size, threadMessages.length, `no thread message twice: ${threadMessages.join(' | ')}`);
        assert.strictEqual(threadMessages.filter((text) => /Hatırlatma/.test(text)).length, 1, 'one reminder in the thread');
    });
});

describe('Cosmos DB outage mid-conversation (local Cosmos server)', function () {
    this.timeout(30_000);
    const server = new CosmosTestServer();
    let world: TicketWorld;

    before(() => server.start());
    after(() => server.stop());
    beforeEach(async () => {
        world = new TicketWorld(server.env(`bot-${randomUUID()}`), server.overrides);
        await world.start();
    });
    afterEach(async () => {
        await server.start();
        await world.stop();
    });

    it('the user is asked politely to try again, /healthz says 503, and the bot recovers by itself', async () => {
        const user = world.webUser('web-outage', 'en-US');
        await user.say('hello');
        await user.pick('first');

        await server.stop();
        assert.match(await user.pick('no'), /can't reach my records right now[\s\S]*in a moment/);
        assert.strictEqual((await health(world.app)).status, 503);

        await server.start();
        assert.deepStrictEqual(await health(world.app), { status: 200, body: { status: 'ok', store: 'cosmos' } });
        assert.match(await user.pick('no'), /Send my request from here/, 'the conversation goes on where it was');
    });

    it('the polite message is in Turkish for a Turkish user', async () => {
        const user = world.webUser('web-kesinti');
        await user.say('merhaba');
        await server.stop();
        assert.match(await user.pick('first'), /kayıtlarıma ulaşamıyorum/);
    });
});
