import * as assert from 'assert';
import type { Activity } from 'botbuilder';
import { readableText } from '../support/cardText';
import { STAFF, STAFF_TEAM, TEAMS_USER, TENANT, TicketWorld, textOf } from '../support/ticketWorld';
import type { ConnectorCall } from '../support/fakeConnector';
import { ClaimsIdentityLike, requesterIdOf } from './requesterIdProbe';

const VICTIM_AAD = TEAMS_USER.aadObjectId!;
const VICTIM_CHAT = 'a:personal-mehmet';
/** The victim as the bot files an authenticated Teams user: what requesterId() gives for their validated activity. */
const VICTIM = requesterIdOf({ channelId: 'msteams', from: { id: TEAMS_USER.id, name: TEAMS_USER.name, aadObjectId: VICTIM_AAD } }, { claims: [], authenticationType: true });
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
                id: VICTIM,
                name: TEAMS_USER.name,
                email: TEAMS_USER.email,
                language: 'tr',
                reference: {
                    channelId: 'msteams',
                    serviceUrl: world.connector.url,
                    bot: { id: '28:bot', name: 'e-imza' },
                    user: { id: TEAMS_USER.id, name: TEAMS_USER.name },
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

    it("a web chat activity claiming the victim's aadObjectId cannot list, message, withdraw, re-point or silence the victim", async () => {
        const attacker = world.webUser('web-attacker');
        const claim = { from: { id: 'web-attacker', name: '', aadObjectId: VICTIM_AAD } as Activity['from'] };
        const read = (replies: Partial<Activity>[]) => replies.map(readableText).join('\n');

        await attacker.send({ ...claim, text: 'merhaba' });
        assert.doesNotMatch(read(await attacker.send({ ...claim, value: { choice: 'myTickets' } })), /#1001/, "the victim's ticket is not listed");
        await attacker.send({ ...claim, value: { choice: `withdraw:${ticketId}` } });
        await attacker.send({ ...claim, value: { choice: 'yes' } });
        await attacker.send({ ...claim, value: { ticketAction: 'message', ticketId, message: 'forged by the attacker' } });
        // Removing "the app" from the attacker's chat must not silence the victim's notices.
        await world.post({
            type: 'installationUpdate',
            action: 'remove',
            channelId: 'webchat',
            serviceUrl: world.connector.url,
            ...claim,
            recipient: { id: '28:bot', name: 'e-imza' },
            conversation: { id: attacker.conversationId } as never,
        });

        const ticket = (await world.app.services.tickets.get(ticketId))!;
        assert.strictEqual(ticket.status, 'new', 'not withdrawn');
        assert.ok(!ticket.history.some((entry) => entry.actor.id !== VICTIM && entry.actor.role === 'user'), 'no user entry by anyone else');
        assert.ok(!ticket.history.some((entry) => entry.text === 'forged by the attacker'));

        // Staff answer: the notice still reaches the victim's own Teams chat, not the attacker.
        const before = world.connector.calls.length;
        await world.staffClicks(STAFF.ayse, 'reply', { ticketId, replyText: 'Kartınızı yeniden takın.' }, thread);
        await world.settle();
        const notice = await world.connector.waitFor((call) => call.kind === 'send' && /Kartınızı yeniden takın/.test(textOf(call)) && call.conversationId !== thread, 5_000, before);
        assert.strictEqual(notice.conversationId, VICTIM_CHAT);
        assert.strictEqual(
            world.connector
                .to(attacker.conversationId)
                .slice(0)
                .filter((call) => call.kind === 'send' && /Kartınızı/.test(textOf(call))).length,
            0,
        );
    });

    it("the local Direct Line sets `from` to the token's user: a client-sent aadObjectId and id are dropped", async () => {
        const call = async (method: string, path: string, token?: string, body?: unknown) =>
            fetch(`${world.url}${path}`, {
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
        const botText = activities
            .filter((activity) => activity.from?.role !== 'user')
            .map(readableText)
            .join('\n');
        assert.doesNotMatch(botText, /#1001/);
        assert.ok(!(await world.app.services.tickets.get(ticketId))!.history.some((entry) => entry.text === 'forged over direct line'));
    });

    it('identity claims count only on Teams with a validated Bot Framework token; every id carries its channel', () => {
        const activity = { from: { id: '29:user', name: 'User', aadObjectId: 'aad-user' } };
        const validated: ClaimsIdentityLike = { claims: [], authenticationType: true };
        const anonymous: ClaimsIdentityLike = { claims: [], authenticationType: 'anonymous' };
        assert.strictEqual(requesterIdOf({ ...activity, channelId: 'msteams' }, validated), 'msteams:aad-user');
        assert.strictEqual(requesterIdOf({ ...activity, channelId: 'msteams' }, anonymous), 'msteams:29:user', 'local mode: nobody vouches');
        assert.strictEqual(requesterIdOf({ ...activity, channelId: 'msteams' }, undefined), 'msteams:29:user');
        for (const channelId of ['webchat', 'directline', 'emulator']) {
            assert.strictEqual(requesterIdOf({ ...activity, channelId }, validated), `${channelId}:29:user`, channelId);
            // A web chat user whose id is a Teams user's AAD object id is still not that user.
            assert.notStrictEqual(requesterIdOf({ channelId, from: { id: 'aad-user', name: '' } }, validated), requesterIdOf({ ...activity, channelId: 'msteams' }, validated));
        }
    });

    it("the local Direct Line issues tokens for ids it makes: a token asked for the victim's id sees, withdraws, deletes and silences nothing of theirs (security review 2, N1)", async () => {
        const reminder = (
            await world.app.services.renewals!.create({
                userId: VICTIM,
                language: 'tr',
                expiryMonth: 3,
                expiryYear: 2027,
                reference: {
                    channelId: 'msteams',
                    serviceUrl: world.connector.url,
                    bot: { id: '28:bot', name: 'e-imza' },
                    user: { id: TEAMS_USER.id, name: TEAMS_USER.name },
                    conversation: { id: VICTIM_CHAT, isGroup: false, conversationType: 'personal', name: '' },
                },
            })
        ).reminder;
        const call = async (method: string, path: string, token?: string, body?: unknown) =>
            fetch(`${world.url}${path}`, {
                method,
                headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
                body: body === undefined ? undefined : JSON.stringify(body),
            });
        const read = (activities: Partial<Activity>[]) =>
            activities
                .filter((activity) => activity.from?.role !== 'user')
                .map(readableText)
                .join('\n');
        // An attacker would ask for the victim's bare AAD object id; the id as the bot now files them is tried too.
        for (const claimed of [VICTIM_AAD, VICTIM]) {
            const generated = await call('POST', '/v3/directline/tokens/generate', undefined, { user: { id: claimed } });
            assert.strictEqual(generated.status, 200);
            const { token } = (await generated.json()) as { token: string };
            const started = (await (await call('POST', '/v3/directline/conversations', token, { locale: 'tr-TR' })).json()) as { conversationId: string };
            const path = `/v3/directline/conversations/${encodeURIComponent(started.conversationId)}/activities`;
            const send = async (activity: Record<string, unknown>) => (await call('POST', path, token, { locale: 'tr-TR', from: { id: claimed }, ...activity })).status;
            assert.strictEqual(await send({ type: 'message', value: { choice: 'myTickets' } }), 200);
            assert.strictEqual(await send({ type: 'message', value: { choice: `withdraw:${ticketId}` } }), 200);
            assert.strictEqual(await send({ type: 'message', value: { choice: 'yes' } }), 200);
            assert.strictEqual(await send({ type: 'message', value: { choice: 'reminders' } }), 200);
            assert.strictEqual(await send({ type: 'message', value: { choice: `cancel:${reminder.id}` } }), 200);
            assert.strictEqual(await send({ type: 'message', value: { renewalReminder: 'off', reminderId: reminder.id, stage: 0 } }), 200);
            const { activities } = (await (await call('GET', path, token)).json()) as { activities: Partial<Activity>[] };
            assert.doesNotMatch(read(activities), /#1001|Mart 2027/, "the victim's ticket or reminder was shown");
            for (const activity of activities.filter((entry) => entry.from?.role === 'user')) assert.match(activity.from!.id, /^dl_/, 'the id the server made');
            // Only messages (and typing) come from a client: an "app removed" would silence the victim.
            for (const type of ['installationUpdate', 'conversationUpdate', 'event', 'invoke', 'endOfConversation']) {
                assert.strictEqual(await send({ type, action: 'remove', name: 'x' }), 400, type);
            }
            assert.strictEqual(await send({ type: 'typing' }), 200);
        }
        assert.strictEqual((await world.app.services.tickets.get(ticketId))!.status, 'new', 'not withdrawn');
        assert.ok(await world.app.services.renewals!.get(reminder.id), "the victim's reminder is still there");
        // Staff answer: the notice reaches the victim's own Teams chat.
        const before = world.connector.calls.length;
        await world.staffClicks(STAFF.ayse, 'reply', { ticketId, replyText: 'Kartınızı yeniden takın.' }, thread);
        await world.settle();
        const notice = await world.connector.waitFor((call) => call.kind === 'send' && /Kartınızı yeniden takın/.test(textOf(call)) && call.conversationId !== thread, 5_000, before);
        assert.strictEqual(notice.conversationId, VICTIM_CHAT);
    });
});
