import * as assert from 'assert';
import type { Activity } from 'botbuilder';
import { readableText } from '../support/cardText';
import { STAFF, STAFF_TEAM, TEAMS_USER, TENANT, TicketWorld, textOf } from '../support/ticketWorld';
import type { ConnectorCall } from '../support/fakeConnector';
import { ClaimsIdentityLike, requesterIdOf } from './requesterIdProbe';

const VICTIM_AAD = TEAMS_USER.aadObjectId!;
const VICTIM_CHAT = 'a:personal-mehmet';
const isStaffCard = (call: ConnectorCall) => call.kind === 'createConversation' && call.channelId === STAFF_TEAM;

describe('HTTP: nobody poses as a Teams user by writing their aadObjectId (issue 12, point 1)', function () {
    this.timeout(30_000);
    let world: TicketWorld;
    let ticketId: string;
    let thread: string;

    beforeEach(async () => {
        world = new TicketWorld();
        await world.start();
        await world.installInStaffTeam();
        // The victim's ticket, as an authenticated Teams user's would be: filed under the AAD object id.
        const ticket = await world.app.services.tickets.create({
            kind: 'help',
            requester: {
                id: VICTIM_AAD, name: TEAMS_USER.name, email: TEAMS_USER.email, language: 'tr',
                reference: {
                    channelId: 'msteams', serviceUrl: world.connector.url, bot: { id: '28:bot', name: 'e-imza' }, user: { id: TEAMS_USER.id, name: TEAMS_USER.name },
                    conversation: { id: VICTIM_CHAT, isGroup: false, conversationType: 'personal', name: '', tenantId: TENANT },
                },
            },
            details: { question: 'Kartım okunmuyor, ne yapmalıyım?' },
        });
        ticketId = ticket.id;
        thread = (await world.connector.waitFor(isStaffCard)).conversationId;
        await world.settle();
    });
    afterEach(async () => world.stop());

    it('a web chat activity claiming the victim\'s aadObjectId cannot list, message, withdraw, re-point or silence the victim', async () => {
        const attacker = world.webUser('web-attacker');
        const claim = { from: { id: 'web-attacker', name: '', aadObjectId: VICTIM_AAD } as Activity['from'] };
        const read = (replies: Partial<Activity>[]) => replies.map(readableText).join('\n');

        await attacker.send({ ...claim, text: 'merhaba' });
        assert.doesNotMatch(read(await attacker.send({ ...claim, value: { choice: 'myTickets' } })), /#1001/, 'the victim\'s ticket is not listed');
        await attacker.send({ ...claim, value: { choice: `withdraw:${ticketId}` } });
        await attacker.send({ ...claim, value: { choice: 'yes' } });
        await attacker.send({ ...claim, value: { ticketAction: 'message', ticketId, message: 'forged by the attacker' } });
        // Removing "the app" from the attacker's chat must not silence the victim's notices.
        await world.post({
            type: 'installationUpdate', action: 'remove', channelId: 'webchat', serviceUrl: world.connector.url,
            ...claim, recipient: { id: '28:bot', name: 'e-imza' }, conversation: { id: attacker.conversationId } as never,
        });

        const ticket = (await world.app.services.tickets.get(ticketId))!;
        assert.strictEqual(ticket.status, 'new', 'not withdrawn');
        assert.ok(!ticket.history.some((entry) => entry.actor.id !== VICTIM_AAD && entry.actor.role === 'user'), 'no user entry by anyone else');
        assert.ok(!ticket.history.some((entry) => entry.text === 'forged by the attacker'));

        // Staff answer: the notice still reaches the victim's own Teams chat, not the attacker.
        const before = world.connector.calls.length;
        await world.staffClicks(STAFF.ayse, 'reply', { ticketId, replyText: 'Kartınızı yeniden takın.' }, thread);
        await world.settle();
        const notice = await world.connector.waitFor((call) => call.kind === 'send' && /Kartınızı yeniden takın/.test(textOf(call)) && call.conversationId !== thread, 5_000, before);
        assert.strictEqual(notice.conversationId, VICTIM_CHAT);
        assert.strictEqual(world.connector.to(attacker.conversationId).slice(0).filter((call) => call.kind === 'send' && /Kartınızı/.test(textOf(call))).length, 0);
    });

    it('the local Direct Line sets `from` to the token\'s user: a client-sent aadObjectId and id are dropped', async () => {
        const call = async (method: string, path: string, token?: string, body?: unknown) => fetch(`${world.url}${path}`, {
            method,
            headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const { token } = (await (await call('POST', '/v3/directline/tokens/generate')).json()) as { token: string };
        const started = (await (await call('POST', '/v3/directline/conversations', token, { locale: 'tr-TR' })).json()) as { conversationId: string };
        const path = `/v3/directline/conversations/${encodeURIComponent(started.conversationId)}/activities`;
        const forged = { id: TEAMS_USER.id, name: 'Mehmet Öz', aadObjectId: VICTIM_AAD };
        for (const value of [{ choice: 'myTickets' }, { ticketAction: 'message', ticketId, message: 'forged over direct line' }]) {
            assert.strictEqual((await call('POST', path, token, { type: 'message', from: forged, value, locale: 'tr-TR' })).status, 200);
        }
        const { activities } = (await (await call('GET', path, token)).json()) as { activities: Partial<Activity>[] };
        const fromUser = activities.filter((activity) => activity.from?.role === 'user');
        assert.ok(fromUser.length >= 2);
        for (const activity of fromUser) {
            assert.match(activity.from!.id, /^dl_/, 'the id the token was issued to');
            assert.strictEqual((activity.from as { aadObjectId?: string }).aadObjectId, undefined);
        }
        const botText = activities.filter((activity) => activity.from?.role !== 'user').map(readableText).join('\n');
        assert.doesNotMatch(botText, /#1001/);
        assert.ok(!(await world.app.services.tickets.get(ticketId))!.history.some((entry) => entry.text === 'forged over direct line'));
    });

    it('identity claims count only on Teams with a validated Bot Framework token', () => {
        const activity = { from: { id: '29:user', name: 'User', aadObjectId: 'aad-user' } };
        const validated: ClaimsIdentityLike = { claims: [], authenticationType: true };
        const anonymous: ClaimsIdentityLike = { claims: [], authenticationType: 'anonymous' };
        assert.strictEqual(requesterIdOf({ ...activity, channelId: 'msteams' }, validated), 'aad-user');
        assert.strictEqual(requesterIdOf({ ...activity, channelId: 'msteams' }, anonymous), '29:user', 'local mode: nobody vouches');
        assert.strictEqual(requesterIdOf({ ...activity, channelId: 'msteams' }, undefined), '29:user');
        for (const channelId of ['webchat', 'directline', 'emulator']) {
            assert.strictEqual(requesterIdOf({ ...activity, channelId }, validated), '29:user', channelId);
        }
    });
});
