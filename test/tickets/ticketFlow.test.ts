import * as assert from 'assert';
import { STAFF, STAFF_TEAM, TicketWorld, ticketIdOf, textOf, type ChatUser } from '../support/ticketWorld';
import type { ConnectorCall } from '../support/fakeConnector';
import { startMailServer } from '../support/mailServer';

const isStaffCard = (call: ConnectorCall) => call.kind === 'createConversation' && call.channelId === STAFF_TEAM;

/** A web chat user walks the flow to "no e-mail yet" and sends the e-signature request through the bot. */
async function sendEsignatureRequest(user: ChatUser): Promise<string> {
    await user.say('merhaba');
    await user.pick('first');
    assert.match(await user.pick('no'), /Talebimi buradan gönder/);
    assert.match(await user.pick('sendViaBot'), /Adınız ve soyadınız nedir\?/);
    assert.match(await user.say('Zeynep Kaya'), /Kurumsal e-posta adresiniz/);
    assert.match(await user.say('zeynep@gmail.com'), /…@bezmialem\.edu\.tr ile bitmeli/);
    assert.match(await user.say('Zeynep.Kaya@bezmialem.edu.tr'), /Hangi birimde/);
    assert.match(await user.say('Kardiyoloji'), /Ünvanınız/);
    assert.match(await user.say('Doç. Dr.'), /Başka bir kurumdan alınmış e-imzanız var mı\?/);
    assert.match(await user.pick('yes'), /Hangi kurumdan/);
    const summary = await user.say('Önceki hastanem, 2027’ye kadar geçerli');
    for (const fact of ['Zeynep Kaya', 'zeynep.kaya@bezmialem.edu.tr', 'Kardiyoloji', 'Doç. Dr.', 'İlk başvuru', 'Önceki hastanem']) assert.ok(summary.includes(fact), fact);
    return user.pick('send');
}

describe('tickets end to end (HTTP, fake Bot Connector)', function () {
    this.timeout(30_000);
    let world: TicketWorld;

    beforeEach(async () => (world = await TicketWorld.started({ inStaffTeam: true })));
    /** What the bot last sent into a conversation (the staff thread, after a relay). */
    const lastSentText = (conversationId: string) =>
        textOf(
            world.connector
                .to(conversationId)
                .filter((call) => call.kind === 'send')
                .at(-1)!,
        );
    afterEach(async () => world.stop());

    it("a web chat user's e-signature request becomes a staff thread, and every staff action reaches the user — across restarts", async () => {
        const user = world.webUser('web-zeynep');
        const receipt = await sendEsignatureRequest(user);
        assert.match(receipt, /Talebiniz kütüphaneye iletildi: #1001/);
        assert.match(receipt, /Adım 3 \/ 18/, 'the flow moves on: the request replaced the e-mail and answered the other-institution question');

        const card = await world.connector.waitFor(isStaffCard);
        const ticketId = ticketIdOf(card);
        const thread = card.conversationId;
        const staffCard = textOf(await world.connector.waitFor((call) => call.kind === 'update' && call.conversationId === thread));
        for (const fact of ['Talep #1001 · E-imza talebi', 'Yeni', 'Zeynep Kaya', 'Kardiyoloji', 'Doç. Dr.', 'İlk başvuru', 'Önceki hastanem', 'Kütüphane web sitesi']) {
            assert.ok(staffCard.includes(fact), `staff card shows ${fact}:\n${staffCard}`);
        }
        await world.restart();

        const userCalls = () => world.connector.to(user.conversationId);
        const claimed = await world.staffClicks(STAFF.ayse, 'claim', { ticketId }, thread);
        assert.strictEqual(claimed.statusCode, 200);
        assert.match(claimed.text, /Üstlenildi/);
        assert.match(claimed.text, /Ayşe Kütüphaneci üstlendi/);
        await world.settle();
        assert.match(textOf(userCalls().at(-1)!), /Talebiniz #1001 üstlenildi[\s\S]*Ayşe Kütüphaneci/);
        await world.restart();

        await world.staffClicks(STAFF.ayse, 'reply', { ticketId, replyText: 'Merhaba, süreci KamuSM’de başlattım.' }, thread);
        await world.settle();
        assert.match(textOf(userCalls().at(-1)!), /Kütüphane talebinizi \(#1001\) yanıtladı[\s\S]*Merhaba, süreci KamuSM’de başlattım\./);
        await world.restart();

        const asked = await world.staffClicks(STAFF.ayse, 'ask', { ticketId, askText: 'Hangi kampüste çalışıyorsunuz?' }, thread);
        assert.match(asked.text, /Kullanıcıdan bilgi bekleniyor/);
        await world.settle();
        const question = userCalls().at(-1)!;
        assert.match(textOf(question), /Kütüphane sizden bilgi istiyor \(#1001\)[\s\S]*Hangi kampüste çalışıyorsunuz\?/);
        assert.match(JSON.stringify(question.activity), /"ticketAction":"message"/, 'the question card carries an answer box');
        await world.restart();

        const threadBefore = world.connector.calls.length;
        await user.send({ value: { ticketAction: 'message', ticketId, message: 'Merkez kampüs, kardiyoloji binası.' } });
        await world.settle();
        const relayed = await world.connector.waitFor((call) => call.kind === 'send' && call.conversationId === thread && /Merkez kampüs/.test(textOf(call)), 5_000, threadBefore);
        assert.match(textOf(relayed), /Zeynep Kaya yazdı: Merkez kampüs, kardiyoloji binası\./);
        await world.restart();

        await world.staffClicks(STAFF.ayse, 'assign', { ticketId, assigneeId: STAFF.burak.id }, thread);
        await world.settle();
        assert.match(textOf(userCalls().at(-1)!), /Burak Arşiv/);

        const resolved = await world.staffClicks(STAFF.burak, 'resolve', { ticketId, resolveText: 'Başvurunuz KamuSM’de açıldı.' }, thread);
        assert.match(resolved.text, /Çözüldü/);
        assert.match(resolved.text, /Yeniden aç/);
        await world.settle();
        assert.match(textOf(userCalls().at(-1)!), /Talebiniz #1001 çözüldü[\s\S]*Başvurunuz KamuSM’de açıldı\./);
        await world.restart();

        const reopened = await world.staffClicks(STAFF.ayse, 'reopen', { ticketId }, thread);
        assert.match(reopened.text, /Üstlenildi/);
        await world.settle();
        assert.match(textOf(userCalls().at(-1)!), /yeniden açıldı/);

        const history = (await world.app.services.tickets.get(ticketId))!.history.map((entry) => entry.action);
        assert.deepStrictEqual(history, ['created', 'claimed', 'replied', 'asked', 'userMessage', 'assigned', 'resolved', 'reopened']);
    });

    it("a Teams user's help ticket uses the Teams profile, and notices come in the user's language", async () => {
        const user = world.teamsUser('en-US');
        await user.say('hello');
        assert.match(await user.pick('askLibrary'), /Type your question/);
        const receipt = await user.say('The SMS code never arrives, what should I do?');
        assert.match(receipt, /Your ticket is with the library: #1001/, 'name and e-mail come from Teams: nothing else is asked');
        const card = await world.connector.waitFor(isStaffCard);
        const staffCard = textOf(await world.connector.waitFor((call) => call.kind === 'update' && call.conversationId === card.conversationId));
        for (const fact of ['Yardım isteği', 'Mehmet Öz', 'mehmet.oz@bezmialem.edu.tr', 'The SMS code never arrives', 'Microsoft Teams', 'Son konuşma']) {
            assert.ok(staffCard.includes(fact), `${fact} in:\n${staffCard}`);
        }
        await world.staffClicks(STAFF.ayse, 'reply', { ticketId: ticketIdOf(card), replyText: 'Kodu Devam’a yeniden basarak isteyin.' }, card.conversationId);
        await world.settle();
        assert.match(textOf(world.connector.to(user.conversationId).at(-1)!), /The library answered your ticket \(#1001\)[\s\S]*Kodu Devam’a yeniden basarak isteyin\./);
    });

    it('a Teams user opens an e-signature request and a form delivery: only what Teams does not know is asked', async () => {
        const user = world.teamsUser();
        await user.say('merhaba');
        await user.pick('renewal');
        await user.pick('no');
        assert.match(await user.pick('sendViaBot'), /Hangi birimde/, 'name and e-mail come from the Teams profile');
        await user.say('Nöroloji');
        assert.match(await user.say('Prof. Dr.'), /Başka bir kurumdan alınmış e-imzanız var mı\?/, 'the kind of application is known from the flow');
        const summary = await user.pick('no');
        for (const fact of ['Mehmet Öz', 'mehmet.oz@bezmialem.edu.tr', 'Nöroloji', 'Prof. Dr.', 'Yenileme']) assert.ok(summary.includes(fact), fact);
        assert.match(await user.pick('send'), /#1001[\s\S]*Adım 3 \/ 18/);
        const request = textOf(await world.connector.waitFor((call) => call.kind === 'update' && /#1001/.test(textOf(call))));
        assert.match(request, /E-imza talebi[\s\S]*Mehmet Öz[\s\S]*Microsoft Teams/);

        await user.say('menü');
        await user.pick('lost');
        for (const choice of ['reasonLost', 'understood', 'yes', 'no', 'yes', ...Array<string>(12).fill('done')]) await user.pick(choice);
        await user.pick('wet');
        assert.match(await user.pick('bringForm'), /Formu getireceğinizi kütüphaneye bildireyim mi\?/, 'nothing to ask: Teams knows who this is');
        assert.match(await user.pick('send'), /#1002/);
        assert.match(textOf(await world.connector.waitFor((call) => call.kind === 'createConversation' && /#1002/.test(textOf(call)))), /Islak imzalı form teslimi/);
    });

    it('the wet-signed form delivery is offered on the "Başvuru Formu Bekleniyor" step', async () => {
        const user = world.webUser('web-form');
        await user.say('merhaba');
        await user.pick('first');
        for (const choice of ['yes', 'no', 'yes', 'no', ...Array<string>(12).fill('done')]) await user.pick(choice);
        assert.match(await user.pick('wet'), /Formu getireceğimi kütüphaneye bildir/);
        await user.pick('bringForm');
        await user.say('Ali Veli');
        assert.match(await user.say('ali.veli@bezmialem.edu.tr'), /Formu getireceğinizi kütüphaneye bildireyim mi\?/);
        const done = await user.pick('send');
        assert.match(done, /#1001/);
        assert.match(done, /Başvuru adımlarını tamamladınız/);
        assert.match(textOf(await world.connector.waitFor(isStaffCard)), /Islak imzalı form teslimi/);
    });

    it('two staff claiming at once: exactly one wins, the other sees who did', async () => {
        const user = world.teamsUser();
        await user.say('merhaba');
        await user.pick('askLibrary');
        await user.say('Soru');
        const card = await world.connector.waitFor(isStaffCard);
        const ticketId = ticketIdOf(card);
        const [first, second] = await Promise.all([world.staffClicks(STAFF.ayse, 'claim', { ticketId }, card.conversationId), world.staffClicks(STAFF.burak, 'claim', { ticketId }, card.conversationId)]);
        const ticket = (await world.app.services.tickets.get(ticketId))!;
        assert.strictEqual(ticket.history.filter((entry) => entry.action === 'claimed').length, 1);
        const loser = ticket.assignee!.id === STAFF.ayse.aadObjectId ? second : first;
        assert.match(loser.text, new RegExp(`Bu talebi ${ticket.assignee!.name} zaten üstlendi`));
    });

    it('staff actions from web chat or another team are refused, logged, and change nothing', async () => {
        const user = world.webUser('web-forger');
        await user.say('merhaba');
        await user.pick('askLibrary');
        await user.say('Soru');
        await user.say('Forger');
        await user.say('forger@bezmialem.edu.tr');
        const card = await world.connector.waitFor(isStaffCard);
        const ticketId = ticketIdOf(card);
        const fromWebChat = await world.staffClicks(STAFF.ayse, 'resolve', { ticketId, resolveText: 'x' }, 'webchat-web-forger', undefined, 'webchat');
        const fromOtherTeam = await world.staffClicks(STAFF.ayse, 'claim', { ticketId }, '19:other@thread.tacv2', '19:other@thread.tacv2');
        assert.strictEqual(fromWebChat.statusCode, 403);
        assert.strictEqual(fromOtherTeam.statusCode, 403);
        assert.deepStrictEqual(
            (await world.app.services.tickets.get(ticketId))!.history.map((entry) => entry.action),
            ['created'],
        );
        const refusals = world.logLines.filter((line) => line.includes('staff action refused'));
        assert.strictEqual(refusals.length, 2);
        assert.ok(refusals.some((line) => line.includes('"channelId":"webchat"')));
    });

    it('"Taleplerim": the user lists their tickets, adds a message and withdraws one; staff hear of both', async () => {
        const user = world.webUser('web-mine');
        await sendEsignatureRequest(user);
        const card = await world.connector.waitFor(isStaffCard);
        const ticketId = ticketIdOf(card);
        await user.say('menü');
        const list = await user.pick('myTickets');
        assert.match(list, /Talep #1001 · E-imza talebi/);
        assert.match(list, /Yeni · son değişiklik/);
        assert.match(await user.pick(`message:${ticketId}`), /iletmek istediğiniz mesajı/);
        assert.match(await user.say('Yarın öğleden sonra uğrayabilirim.'), /Mesajınız kütüphaneye iletildi \(talep #1001\)/);
        await world.settle();
        assert.match(lastSentText(card.conversationId), /Yarın öğleden sonra/);
        await user.pick('myTickets');
        assert.match(await user.pick(`withdraw:${ticketId}`), /Talep #1001 geri çekilsin mi\?/);
        assert.match(await user.pick('yes'), /Talep #1001 geri çekildi/);
        await world.settle();
        assert.match(lastSentText(card.conversationId), /talebi geri çekti/);
        const other = world.webUser('web-someone-else');
        await other.say('merhaba');
        assert.doesNotMatch(await other.pick('myTickets'), /#1001/, 'only the owner sees a ticket');
        await other.send({ value: { ticketAction: 'message', ticketId, message: 'forged' } });
        assert.ok(!(await world.app.services.tickets.get(ticketId))!.history.some((entry) => entry.text === 'forged'));
    });

    it('a notice that cannot be delivered waits in the outbox and goes out after a restart', async function () {
        // botbuilder retries the unreachable connector with backoff: this test is slow by nature.
        this.timeout(90_000);
        world.connector.failing = true;
        // Slower than the typing delay: the "typing…" indicator fails too, which must not break the conversation.
        world.connector.memberLookupDelayMs = 700;
        const user = world.teamsUser();
        await user.say('merhaba');
        await user.pick('askLibrary');
        // Teams cannot be asked for the profile either, so the bot asks for the e-mail itself.
        assert.match(await user.say('Bağlantı yokken sorulan soru'), /Kurumsal e-posta adresiniz/);
        assert.match(await user.say('mehmet.oz@bezmialem.edu.tr'), /#1001/);
        await world.settle();
        assert.ok(!world.connector.calls.some(isStaffCard));
        world.connector.failing = false;
        world.clock.advanceMinutes(1);
        await world.restart();
        await world.settle();
        assert.match(textOf(await world.connector.waitFor(isStaffCard)), /Bağlantı yokken sorulan soru/);
    });

    it('reminders: one for an unclaimed ticket after the working hours, one after two working days waiting on the library', async () => {
        const user = world.teamsUser();
        await user.say('merhaba');
        await user.pick('askLibrary');
        await user.say('Hatırlatma denemesi');
        const card = await world.connector.waitFor(isStaffCard);
        const reminders = () => world.connector.to(card.conversationId).filter((call) => call.kind === 'send' && /Hatırlatma/.test(textOf(call)));

        world.clock.advanceMinutes(3 * 60); // Monday 13:00: three working hours
        assert.strictEqual(await world.app.sweepReminders(), 0);
        world.clock.advanceMinutes(61);
        assert.strictEqual(await world.app.sweepReminders(), 1);
        assert.strictEqual(await world.app.sweepReminders(), 0, 'never twice for the same wait');
        await world.settle();
        assert.match(textOf(reminders()[0]), /henüz kimse tarafından üstlenilmedi/);

        await world.staffClicks(STAFF.ayse, 'claim', { ticketId: ticketIdOf(card) }, card.conversationId);
        world.clock.advanceMinutes(24 * 60); // Tuesday: one working day
        assert.strictEqual(await world.app.sweepReminders(), 0);
        world.clock.advanceMinutes(4 * 24 * 60); // Saturday: the weekend does not count…
        assert.strictEqual(await world.app.sweepReminders(), 1, '…but Wednesday and Thursday did');
        await world.settle();
        assert.match(textOf(reminders()[1]), /iki iş günüdür kütüphaneden yanıt bekliyor/);
    });

    it('with several instances running, a due reminder is sent exactly once', async () => {
        const user = world.teamsUser();
        await user.say('merhaba');
        await user.pick('askLibrary');
        await user.say('İki sunucu');
        const card = await world.connector.waitFor(isStaffCard);
        const other = await world.secondInstance();
        try {
            world.clock.advanceMinutes(5 * 60);
            const sent = await Promise.all([world.app.sweepReminders(), other.sweepReminders(), world.app.sweepReminders(), other.sweepReminders()]);
            assert.strictEqual(
                sent.reduce((sum, n) => sum + n, 0),
                1,
            );
            await Promise.all([world.settle(), other.dispatcher.settled()]);
            const ticket = (await world.app.services.tickets.get(ticketIdOf(card)))!;
            assert.strictEqual(ticket.history.filter((entry) => entry.action === 'reminded').length, 1);
        } finally {
            await other.close();
        }
    });

    it('a help ticket carries the recent turns with secrets masked, and no secret reaches a card or a log', async () => {
        const user = world.webUser('web-privacy');
        await user.say('merhaba');
        await user.pick('first');
        const warned = await user.say('TC kimlik numaram 10000000146');
        assert.match(warned, /Kimlik numaranızı bana yazmanıza gerek yok/);
        assert.match(warned, /Kütüphaneye e-imza talebinizi bildirdiniz mi\?/, 'the step is shown again');
        await user.say('kütüphaneye yaz');
        assert.match(await user.say('Kimlik numaramı nereye yazacağım? 10000000146'), /Adınız ve soyadınız/, 'the question goes on, masked');
        await user.say('Selin Ak');
        await user.say('selin.ak@bezmialem.edu.tr');
        const card = await world.connector.waitFor(isStaffCard);
        const staffCard = textOf(await world.connector.waitFor((call) => call.kind === 'update' && call.conversationId === card.conversationId));
        assert.match(staffCard, /Son konuşma/);
        assert.match(staffCard, /Kullanıcı: TC kimlik numaram •••/);
        assert.match(staffCard, /Kütüphaneye e-imza talebinizi bildirdiniz mi\?/, 'the step the user was on');
        assert.match(staffCard, /Kimlik numaramı nereye yazacağım\? •••/);
        const everything = [JSON.stringify(world.connector.calls), world.logLines.join('\n')].join('\n');
        assert.ok(!everything.includes('10000000146'), 'the national ID number leaked');
    });
});

describe('tickets: the e-mail copy', function () {
    this.timeout(30_000);

    it('each new ticket is also e-mailed to the library, through the outbox', async () => {
        const mail = await startMailServer();
        const world = new TicketWorld({ SMTP_URL: mail.url, TICKET_EMAIL_TO: 'ebysyardim@bezmialem.edu.tr', TICKET_EMAIL_FROM: 'e-imza@bezmialem.edu.tr' });
        try {
            await world.start();
            await world.installInStaffTeam();
            const user = world.teamsUser();
            await user.say('merhaba');
            await user.pick('askLibrary');
            await user.say('E-posta kopyası denemesi');
            await world.settle();
            assert.strictEqual(mail.received.length, 1);
            const [message] = mail.received;
            assert.deepStrictEqual(message.envelopeTo, ['ebysyardim@bezmialem.edu.tr']);
            assert.match(message.mail.subject ?? '', /1001/);
            assert.match(message.mail.text ?? '', /E-posta kopyası denemesi/);
            assert.match(message.mail.text ?? '', /Mehmet Öz/);
        } finally {
            await world.stop();
            await mail.stop();
        }
    });
});
