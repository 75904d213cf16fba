import * as assert from 'assert';
import type { Activity } from 'botbuilder';
import { readableText } from '../support/cardText';
import { STAFF, STAFF_TEAM, TEAMS_USER, TENANT, TicketWorld, ticketIdOf } from '../support/ticketWorld';

const BOT = { id: '28:bot', name: 'e-İmza Asistanı' };
const OTHER_TEAM = '19:cardiology@thread.tacv2';
const PERSONAL = { id: 'a:personal-mehmet', conversationType: 'personal', tenantId: TENANT };

describe('Microsoft Teams behaviour (Teams-shaped activities, fake Bot Connector)', function () {
    this.timeout(30_000);
    let world: TicketWorld;

    beforeEach(async () => (world = await TicketWorld.started({ inStaffTeam: false })));
    afterEach(async () => world.stop());

    /** Posts a Teams activity from Mehmet (a tr-TR client) and returns the bot's replies. */
    const teams = (activity: Partial<Activity>) => world.postFromTeams({ recipient: BOT, from: TEAMS_USER, locale: 'tr-TR', ...activity });
    const text = (replies: Partial<Activity>[]) =>
        replies
            .filter((reply) => reply.type === 'message')
            .map(readableText)
            .join('\n');

    it("installed personally: one welcome with the user's name, not repeated", async () => {
        const welcome = await teams({ type: 'conversationUpdate', conversation: PERSONAL as never, membersAdded: [TEAMS_USER] });
        assert.match(text(welcome), /Merhaba Mehmet Öz!/);
        assert.strictEqual(text(await teams({ type: 'installationUpdate', action: 'add', conversation: PERSONAL as never })), '');
        assert.strictEqual(text(await teams({ type: 'conversationUpdate', conversation: PERSONAL as never, membersAdded: [TEAMS_USER] })), '');
    });

    it("the Teams client's locale picks the language", async () => {
        const welcome = await teams({ type: 'conversationUpdate', locale: 'en-US', conversation: PERSONAL as never, membersAdded: [TEAMS_USER] });
        assert.match(text(welcome), /Hello Mehmet Öz!/);
    });

    it('added to a team: a short team welcome once; members joining later get nothing', async () => {
        const channel = { id: OTHER_TEAM, conversationType: 'channel', isGroup: true, tenantId: TENANT } as never;
        const channelData = { team: { id: OTHER_TEAM }, tenant: { id: TENANT }, eventType: 'teamMemberAdded' };
        const welcome = await teams({ type: 'conversationUpdate', conversation: channel, channelData, membersAdded: [BOT] });
        assert.match(text(welcome), /Merhaba, ben e-İmza Asistanı/);
        assert.doesNotMatch(text(welcome), /Ne yapmak istiyorsunuz/, 'no personal menu in a channel');
        assert.strictEqual(text(await teams({ type: 'conversationUpdate', conversation: channel, channelData, membersAdded: [BOT] })), '');
        assert.strictEqual(text(await teams({ type: 'conversationUpdate', conversation: channel, channelData, membersAdded: [STAFF.ayse] })), '');
    });

    it("added to the library's team: says that tickets will arrive there", async () => {
        const welcome = await teams({
            type: 'conversationUpdate',
            conversation: { id: STAFF_TEAM, conversationType: 'channel', isGroup: true } as never,
            channelData: { team: { id: STAFF_TEAM }, tenant: { id: TENANT }, eventType: 'teamMemberAdded' },
            membersAdded: [BOT],
        });
        assert.match(text(welcome), /talepler bu kanala gelecek/);
    });

    it('in a channel: an @mention is stripped and answered in its thread; other messages are left alone', async () => {
        const thread = { id: `${OTHER_TEAM};messageid=1700000000000`, conversationType: 'channel', isGroup: true, tenantId: TENANT } as never;
        const channelData = { team: { id: OTHER_TEAM }, channel: { id: OTHER_TEAM }, tenant: { id: TENANT } };
        const mention = { type: 'mention', mentioned: BOT, text: '<at>e-İmza Asistanı</at>' };
        const answered = await teams({ type: 'message', conversation: thread, channelData, text: '<at>e-İmza Asistanı</at> YARDIM', entities: [mention] });
        assert.match(text(answered), /Size nasıl yardımcı olabilirim\?/);
        assert.ok(
            answered.every((reply) => reply.conversation?.id === `${OTHER_TEAM};messageid=1700000000000`),
            'replies stay in the thread',
        );
        assert.deepStrictEqual(await teams({ type: 'message', conversation: thread, channelData, text: 'öğle yemeğine kim geliyor?' }), []);
    });

    it('a slow turn shows "typing…" before the answer', async () => {
        const typing = () => world.connector.to(PERSONAL.id).filter((call) => call.activity.type === 'typing').length;
        await teams({ type: 'message', conversation: PERSONAL as never, text: 'merhaba' });
        await teams({ type: 'message', conversation: PERSONAL as never, value: { choice: 'askLibrary' } });
        world.connector.memberLookupDelayMs = 1_200;
        const replies = await teams({ type: 'message', conversation: PERSONAL as never, text: 'Yavaş bir soru' });
        assert.match(text(replies), /#1001/);
        // botbuilder sends "typing" straight to the channel, outside the buffered replies.
        assert.ok(typing() > 0, 'no typing indicator reached Teams');
    });

    it('a user who removes the app is forgotten: no notices until they come back', async () => {
        await world.installInStaffTeam();
        await teams({ type: 'message', conversation: PERSONAL as never, text: 'merhaba' });
        await teams({ type: 'message', conversation: PERSONAL as never, value: { choice: 'askLibrary' } });
        await teams({ type: 'message', conversation: PERSONAL as never, text: 'Soru' });
        const card = await world.connector.waitFor((call) => call.kind === 'createConversation');
        const toUser = () => world.connector.to(PERSONAL.id).length;

        await teams({ type: 'installationUpdate', action: 'remove', conversation: PERSONAL as never });
        await world.restart();
        const before = toUser();
        await world.staffClicks(STAFF.ayse, 'reply', { ticketId: ticketIdOf(card), replyText: 'Yanıt' }, card.conversationId);
        await world.settle();
        assert.strictEqual(toUser(), before, 'nothing is sent to a user who removed the app');
        assert.ok(world.logLines.some((line) => line.includes('the user removed the app')));

        await teams({ type: 'message', conversation: PERSONAL as never, text: 'yeniden merhaba' });
        await world.staffClicks(STAFF.ayse, 'reply', { ticketId: ticketIdOf(card), replyText: 'İkinci yanıt' }, card.conversationId);
        await world.settle();
        assert.match(readableText(world.connector.to(PERSONAL.id).at(-1)!.activity), /İkinci yanıt/);
    });
});
