import * as assert from 'assert';
import { MemoryStorage, TurnContext, type Activity, type BotAdapter } from 'botbuilder';
import { StaffChannelRegistry } from '../../bot/staffChannel';
import { STAFF, STAFF_TEAM, TENANT, TicketWorld, ticketIdOf, textOf } from '../support/ticketWorld';
import type { ConnectorCall } from '../support/fakeConnector';

const isStaffCard = (call: ConnectorCall) => call.kind === 'createConversation' && call.channelId === STAFF_TEAM;
const NATIONAL_ID = '10000000146';

describe('staff actions: masked text and the staff tenant (issue 12, point 7 and low items)', function () {
    this.timeout(30_000);
    let world: TicketWorld;

    beforeEach(async () => (world = await TicketWorld.started({ inStaffTeam: true })));
    afterEach(async () => world.stop());

    async function openTicket(question = 'e-imza kurulumunda takıldım') {
        const user = world.teamsUser();
        await user.say('merhaba');
        await user.pick('askLibrary');
        await user.say(question);
        const card = await world.connector.waitFor(isStaffCard);
        return { user, ticketId: ticketIdOf(card), thread: card.conversationId };
    }

    it('secrets in a staff reply, question or resolution are masked before the history and the user see them; staff are told', async () => {
        const { user, ticketId, thread } = await openTicket();
        const reply = await world.staffClicks(STAFF.ayse, 'reply', { ticketId, replyText: `Kaydınız TC ${NATIONAL_ID} ile görünüyor, şifre: Kutuphane2026` }, thread);
        assert.strictEqual(reply.statusCode, 200);
        assert.match(reply.text, /gizli bilgi .* gizlendi/);
        const asked = await world.staffClicks(STAFF.ayse, 'ask', { ticketId, askText: 'doğrulama kodu 482 913 size geldi mi?' }, thread);
        assert.strictEqual(asked.statusCode, 200);
        await world.settle();
        // The user's answer back is masked too.
        const before = world.connector.calls.length;
        await user.send({ value: { ticketAction: 'message', ticketId, message: 'Kod 482 913 geldi, TC: 100 000 001 46' } });
        await world.settle();
        await world.connector.waitFor((call) => call.kind === 'send' && call.conversationId === thread && /Kod •••/.test(textOf(call)), 5_000, before);
        const answered = JSON.stringify(world.connector.calls.slice(before)) + JSON.stringify(await world.app.services.tickets.get(ticketId));
        assert.ok(!answered.includes('482 913') && !answered.includes('001 46'), "a secret in the user's answer reached staff");
        const resolved = await world.staffClicks(STAFF.ayse, 'resolve', { ticketId, resolveText: 'Kart 4111.1111.1111.1111 iade edildi' }, thread);
        assert.strictEqual(resolved.statusCode, 200);
        await world.settle();
        const texts = (await world.app.services.tickets.get(ticketId))!.history.map((entry) => entry.text ?? '').join('\n');
        const toUser = world.connector.to(user.conversationId).map(textOf).join('\n');
        for (const secret of [NATIONAL_ID, 'Kutuphane2026', '482 913', '4111.1111']) {
            assert.ok(!texts.includes(secret), `${secret} in the history`);
            assert.ok(!toUser.includes(secret), `${secret} sent to the user`);
            assert.ok(!JSON.stringify(world.connector.calls).includes(secret), `${secret} left the bot`);
        }
        assert.match(toUser, /Kaydınız TC ••• ile görünüyor/, 'the rest of the reply reaches the user');
    });

    it('a PIN, PUK or SMS code written with "numara" is masked both ways: on the staff card and in the reply the user gets (security review 2, N4)', async () => {
        const { user, ticketId, thread } = await openTicket('Kartımın PIN numaram 482913 ama kart kilitlendi, doğrulama numarası 739215 de gelmedi');
        await world.settle();
        const reply = await world.staffClicks(STAFF.ayse, 'reply', { ticketId, replyText: 'Yeni PIN numaranız 7391, PUK numaranız 55667788; my PIN number is 2468' }, thread);
        assert.strictEqual(reply.statusCode, 200);
        assert.match(reply.text, /gizli bilgi .* gizlendi/, 'staff are told');
        await world.settle();
        const staffSide = world.connector.calls
            .filter((call) => call.conversationId.startsWith(STAFF_TEAM))
            .map(textOf)
            .join('\n');
        const userSide = world.connector.to(user.conversationId).map(textOf).join('\n');
        const stored = JSON.stringify(await world.app.services.tickets.get(ticketId));
        for (const secret of ['482913', '739215', '7391', '55667788', '2468']) {
            for (const [where, text] of [
                ['staff channel', staffSide],
                ['user', userSide],
                ['ticket', stored],
            ])
                assert.ok(!text.includes(secret), `${secret} reached the ${where}`);
        }
        assert.match(staffSide, /PIN numaram ••• ama kart kilitlendi/, 'the rest of the question reaches staff');
        assert.match(userSide, /Yeni PIN numaranız •••, PUK numaranız •••/, 'the rest of the reply reaches the user');
    });

    it('a staff action that names the staff team from another tenant is refused, and cannot move the staff channel', async () => {
        const { ticketId, thread } = await openTicket();
        const forged = await world.post({
            type: 'invoke',
            name: 'adaptiveCard/action',
            channelId: 'msteams',
            serviceUrl: world.connector.url,
            from: STAFF.ayse,
            recipient: { id: '28:bot', name: 'e-imza' },
            conversation: { id: thread, conversationType: 'channel', isGroup: true, tenantId: 'tenant-elsewhere' } as never,
            channelData: { team: { id: STAFF_TEAM }, channel: { id: STAFF_TEAM }, tenant: { id: 'tenant-elsewhere' } },
            value: { action: { type: 'Action.Execute', verb: 'ticket.resolve', data: { ticketId, resolveText: 'x' } }, trigger: 'manual' },
        });
        assert.strictEqual((forged.body as { statusCode: number }).statusCode, 403);
        assert.deepStrictEqual(
            (await world.app.services.tickets.get(ticketId))!.history.map((entry) => entry.action),
            ['created'],
        );
        const claimed = await world.staffClicks(STAFF.ayse, 'claim', { ticketId }, thread);
        assert.strictEqual(claimed.statusCode, 200, 'the real tenant still works');
    });
});

describe('the staff channel registry and the configured tenant', () => {
    const contextFrom = (tenant: string | undefined) =>
        new TurnContext(
            {} as BotAdapter,
            {
                type: 'invoke',
                channelId: 'msteams',
                serviceUrl: 'https://smba.example/',
                conversation: { id: STAFF_TEAM },
                recipient: { id: '28:bot' },
                from: { id: '29:x' },
                channelData: { team: { id: STAFF_TEAM }, ...(tenant ? { tenant: { id: tenant } } : {}) },
            } as Partial<Activity>,
        );

    it('with MicrosoftAppTenantId set, only the staff team in that tenant counts, and only it is learned', async () => {
        const storage = new MemoryStorage();
        const registry = new StaffChannelRegistry(storage, STAFF_TEAM, TENANT);
        assert.strictEqual(registry.isStaffTeam(contextFrom(TENANT)), true);
        assert.strictEqual(registry.isStaffTeam(contextFrom('tenant-elsewhere')), false);
        assert.strictEqual(registry.isStaffTeam(contextFrom(undefined)), false);
        await registry.learnFrom(contextFrom('tenant-elsewhere'));
        assert.strictEqual(await registry.get(), undefined);
        await registry.learnFrom(contextFrom(TENANT));
        assert.strictEqual((await registry.get())?.tenantId, TENANT);
    });

    it('without it, the tenant the channel was learned in is required', async () => {
        const registry = new StaffChannelRegistry(new MemoryStorage(), STAFF_TEAM);
        await registry.learnFrom(contextFrom(TENANT));
        assert.strictEqual(await registry.acceptsStaffAction(contextFrom(TENANT)), true);
        assert.strictEqual(await registry.acceptsStaffAction(contextFrom('tenant-elsewhere')), false);
        await registry.learnFrom(contextFrom('tenant-elsewhere'));
        assert.strictEqual((await registry.get())?.tenantId, TENANT, 'the channel was not moved');
    });
});
