import * as assert from 'assert';
import type { Activity } from 'botbuilder';
import { readableText } from '../support/cardText';
import { TEAMS_USER, TENANT, TicketWorld } from '../support/ticketWorld';

const BOT = { id: '28:bot', name: 'e-İmza Asistanı' };
/** As Teams sends them: the user's id, no name: the bot must not depend on one. */
const NAMELESS_USER = { id: TEAMS_USER.id, aadObjectId: TEAMS_USER.aadObjectId } as Activity['from'];
const personal = (id = 'a:personal-mehmet') => ({ id, conversationType: 'personal', tenantId: TENANT }) as never;

/** Regression tests: Teams' personal install, its language, the staff channel, the name. */
describe('Microsoft Teams: install welcome, language, waiting tickets, the name (fake Bot Connector)', function () {
    this.timeout(30_000);
    let world: TicketWorld;

    beforeEach(async () => (world = await TicketWorld.started({ inStaffTeam: false })));
    afterEach(async () => world.stop());

    /** Posts a Teams activity (no locale unless given, as Teams' install events) and returns the bot's messages. */
    async function teams(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
        const replies = await world.postFromTeams({ recipient: BOT, from: NAMELESS_USER, conversation: personal(), ...activity });
        return replies.filter((reply) => reply.type === 'message');
    }
    const text = (replies: Partial<Activity>[]) => replies.map(readableText).join('\n');
    const botAdded = (conversation = personal()): Partial<Activity> => ({ type: 'conversationUpdate', conversation, membersAdded: [BOT] });
    const installed = (conversation = personal()): Partial<Activity> => ({ type: 'installationUpdate', action: 'add', conversation });
    const welcomes = (replies: Partial<Activity>[]) => replies.filter((reply) => /Merhaba/.test(readableText(reply))).length;

    describe('1. the personal install is welcomed exactly once', () => {
        it('when only the bot is in membersAdded; the installationUpdate after it says nothing', async () => {
            const welcome = await teams(botAdded());
            assert.strictEqual(welcomes(welcome), 1, text(welcome));
            assert.match(text(welcome), /Ne yapmak istiyorsunuz\?/);
            assert.deepStrictEqual(await teams(installed()), []);
            assert.deepStrictEqual(await teams(botAdded()), []);
        });

        it('on installationUpdate (add); the conversationUpdate after it says nothing', async () => {
            const welcome = await teams(installed());
            assert.strictEqual(welcomes(welcome), 1, text(welcome));
            assert.deepStrictEqual(await teams(botAdded()), []);
            assert.deepStrictEqual(await teams({ type: 'conversationUpdate', membersAdded: [NAMELESS_USER] }), []);
        });

        it('both arriving at once: one welcome', async () => {
            for (const [index, conversation] of ['a:personal-1', 'a:personal-2', 'a:personal-3'].map((id, i) => [i, personal(id)] as const)) {
                const first = index % 2 ? installed(conversation) : botAdded(conversation);
                const second = index % 2 ? botAdded(conversation) : installed(conversation);
                const replies = (await Promise.all([teams(first), teams(second)])).flat();
                assert.strictEqual(welcomes(replies), 1, `${String(index)}: ${text(replies)}`);
            }
        });

        it('an app upgrade (add-upgrade) is no new welcome, and the first message is greeted instead', async () => {
            assert.deepStrictEqual(await teams({ type: 'installationUpdate', action: 'add-upgrade' }), []);
            assert.strictEqual(welcomes(await teams({ type: 'message', text: 'merhaba', locale: 'tr-TR' })), 1);
        });
    });

    describe("2. the client's locale decides until the user chooses", () => {
        it('an install event without locale, then messages from an en-US client: English', async () => {
            assert.match(text(await teams(installed())), /Merhaba/);
            assert.match(text(await teams({ type: 'message', text: 'hello', locale: 'en-US' })), /What would you like to do\?/);
            const fees = await teams({ type: 'message', value: { choice: 'fees' }, locale: 'en-US' });
            assert.doesNotMatch(text(fees), /Ücret/, text(fees));
            assert.match(text(await teams({ type: 'message', text: 'menu', locale: 'en-US' })), /What would you like to do\?/);
        });

        it("an explicit choice is remembered, whatever the client's locale says afterwards", async () => {
            await teams(installed());
            assert.match(text(await teams({ type: 'message', value: { choice: 'language' }, locale: 'tr-TR' })), /What would you like to do\?/);
            assert.match(text(await teams({ type: 'message', text: 'menü', locale: 'tr-TR' })), /What would you like to do\?/);
        });
    });

    describe('3. a ticket filed before the staff channel is known', () => {
        it('goes to the staff channel as soon as the bot learns it (no sweep)', async () => {
            await teams({ type: 'message', text: 'merhaba', locale: 'tr-TR' });
            await teams({ type: 'message', value: { choice: 'askLibrary' }, locale: 'tr-TR' });
            assert.match(text(await teams({ type: 'message', text: 'e-İmza kartım okunmuyor', locale: 'tr-TR' })), /#1001/);
            await world.settle();
            assert.ok(!world.connector.calls.some((call) => call.kind === 'createConversation'), 'no staff channel yet: no thread');
            // The sweep runs hourly in this world and the clock stands still: only the channel being learned can send it.
            await world.installInStaffTeam();
            const thread = await world.connector.waitFor((call) => call.kind === 'createConversation');
            assert.match(readableText(thread.activity), /#1001/);
        });
    });

    describe('4. the greeting has the name from the Teams member profile', () => {
        it('read once, kept in user state', async () => {
            const welcome = await teams(installed());
            assert.match(text(welcome), /Merhaba Mehmet Öz!/);
            assert.strictEqual(world.connector.memberLookups, 1);
            // Another chat of the same user (a reinstall): the kept name, no second look-up.
            const again = await teams(installed(personal('a:personal-mehmet-2')));
            assert.match(text(again), /Merhaba Mehmet Öz!/);
            assert.strictEqual(world.connector.memberLookups, 1);
        });

        it('no name when Teams cannot say who it is: the plain greeting', async () => {
            const welcome = await teams({ ...installed(), from: { id: '29:someone-unknown' } as never });
            assert.match(text(welcome), /Merhaba! Ben/);
        });
    });
});
