import * as assert from 'assert';
import type { App } from '../../app/createApp';
import { parseExpiry, renewalDates } from '../../renewals/renewalReminders';
import { requesterIdFor } from '../../tickets/requesterIds';
import { TEAMS_USER, TicketWorld, textOf } from '../support/ticketWorld';
import type { ConnectorCall } from '../support/fakeConnector';
import { startMailServer } from '../support/mailServer';
import { twoInstancesOnOneCosmosDb } from '../support/twoInstances';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromRoot } from '../../core/projectPaths';
import { loadInstitutionProfile } from '../../institution/institutionProfile';
import { FakeClock } from '../support/fakeClock';
import { TestChat, translator } from '../support/testBot';

const PERSONAL = 'a:personal-mehmet';
/** The Teams user as the bot files them (local mode: Teams' own user id, with the channel). */
const TEAMS_REQUESTER = requesterIdFor('msteams', TEAMS_USER.id);
// Expiry June 2027: the first message 4 months ahead (the profile's lead time), on Monday 1 February 2027,
// 08:30 in Istanbul (05:30 UTC); the second when renewals go into production, 2 months ahead, Thursday 1 April 2027.
const EXPIRY = '06/2027';
const REMINDER_AT = Date.UTC(2027, 1, 1, 5, 30);
const PRODUCTION_AT = Date.UTC(2027, 3, 1, 5, 30);
const isReminder = (title: RegExp) => (call: ConnectorCall) => call.kind === 'send' && call.conversationId === PERSONAL && title.test(textOf(call));
const firstMessage = isReminder(/Sertifikanızı yenileme zamanı/);
const lastMessage = isReminder(/Yenilemede üretim zamanı geldi/);

function reminderIdOf(call: ConnectorCall): string {
    const match = /"reminderId":"([^"]+)"/.exec(JSON.stringify(call.activity));
    if (!match) throw new Error('no reminder id on this card');
    return match[1];
}

describe('renewal reminder dates', () => {
    it('reads month and year only, politely refusing anything else', () => {
        const months = translator.list<string[]>('tr', 'renewalReminders.monthNames');
        assert.deepStrictEqual(parseExpiry('06/2027', months), { month: 6, year: 2027 });
        assert.deepStrictEqual(parseExpiry('2027-6', months), { month: 6, year: 2027 });
        assert.deepStrictEqual(parseExpiry('Ağustos 2027', months), { month: 8, year: 2027 });
        assert.deepStrictEqual(parseExpiry('agustos 2027', months), { month: 8, year: 2027 });
        assert.deepStrictEqual(parseExpiry('June 2028', months), { month: 6, year: 2028 });
        assert.strictEqual(parseExpiry('13/2027', months), 'invalid');
        assert.strictEqual(parseExpiry('yarın', months), 'invalid');
        assert.strictEqual(parseExpiry('1234567890123456', months), 'tooMuch');
        const dates = renewalDates(6, 2027, { lead: 4, production: 2 });
        assert.strictEqual(dates.remindFrom, Date.UTC(2027, 1, 1));
        assert.strictEqual(dates.productionFrom, Date.UTC(2027, 3, 1));
        assert.strictEqual(dates.expiredAfter, Date.UTC(2027, 6, 1));
    });
});

describe('renewal reminders: what the guide says of timing', () => {
    it('an expired certificate gets the guide\'s way (the e-mail, "e-Devlet", the wet-signed form) and the renewal on offer, no reminder', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await chat.open();
        await chat.click(translator.t('tr', 'menu.options.reminders'));
        await chat.say('01/2026');
        const text = chat.text();
        assert.match(text, /süresi dolmuş görünüyor/);
        assert.match(text, /“e-Devlet” ile giriş yapar, başvurunuzu ıslak imzalı formla onaylarsınız/);
        await chat.click(translator.t('tr', 'renewalReminders.options.start'));
        assert.match(chat.text(), /Adım 1 \/ 18/);
    });

    it('within the lead time, the user is told it is time to start; the production month is named, never a day the user did not give', async () => {
        const chat = new TestChat({ locale: 'en-US', clock: new FakeClock(Date.UTC(2027, 2, 10, 9)) });
        await chat.open();
        await chat.click(translator.t('en', 'menu.options.reminders'));
        await chat.say('June 2027');
        const text = chat.text();
        assert.match(text, /expires in June 2027/);
        assert.match(text, /around April 2027/);
        assert.ok(text.includes(translator.t('en', 'renewalReminders.timeToStart')), text);
        assert.doesNotMatch(text, /window|end of/);
    });

    it("the institution profile's lead time must come before production", () => {
        const raw = JSON.parse(fs.readFileSync(fromRoot('institution', 'profile.json'), 'utf8')) as { renewalReminderMonthsBeforeExpiry: number };
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-profile-'));
        try {
            const file = path.join(dir, 'profile.json');
            fs.writeFileSync(file, JSON.stringify({ ...raw, renewalReminderMonthsBeforeExpiry: 2 }));
            assert.throws(() => loadInstitutionProfile(file), /renewalReminderMonthsBeforeExpiry/);
            const { renewalReminderMonthsBeforeExpiry: _lead, ...withoutLead } = raw;
            fs.writeFileSync(file, JSON.stringify(withoutLead));
            assert.strictEqual(loadInstitutionProfile(file).renewalReminderMonthsBeforeExpiry, 4, 'four months by default');
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('renewal reminders', function () {
    this.timeout(30_000);
    let world: TicketWorld;
    let second: App | undefined;

    const moveTo = (at: number) => world.clock.advanceMinutes((at - world.clock.now()) / 60_000);
    /** Both instances drain the one outbox at the same moment. */
    async function drainBoth(): Promise<void> {
        world.app.dispatcher.kick();
        second?.dispatcher.kick();
        await Promise.all([world.settle(), second?.dispatcher.settled()]);
    }

    afterEach(async () => {
        await second?.close();
        second = undefined;
        await world.stop();
    });

    it('reaches a Teams user proactively well before production, not before its day, once across two instances; its buttons work', async () => {
        world = new TicketWorld();
        await world.start();
        const user = world.teamsUser();
        assert.match(await user.pick('reminders'), /bitiş ayını ve yılını yazın/);
        assert.match(await user.say('14/2027'), /ay ve yıl olarak anlayamadım/);
        const offer = await user.say(EXPIRY);
        // What the guide says: production 2 months ahead; why to apply before: "e-İmza" while valid; the transfer caveat.
        assert.match(offer, /Haziran 2027 ayında bitiyor/);
        assert.match(offer, /2 ay kala, yani Nisan 2027 civarında üretime alınır/);
        assert.match(offer, /kurumlar arası geçişlerde/);
        assert.match(offer, /“e-İmza ile Onayla”/);
        assert.doesNotMatch(offer, /pencere|sonunda/);
        assert.match(offer, /1 Şubat 2027 tarihinde, bitiş ayından 4 ay önce/);
        assert.match(offer, /Evet, hatırlat/);
        assert.match(await user.pick('remind'), /1 Şubat 2027 tarihinde Teams'te size yazacağım/);
        second = await world.secondInstance();

        moveTo(REMINDER_AT - 60_000);
        await drainBoth();
        assert.strictEqual(world.connector.calls.filter(firstMessage).length, 0, 'not before its day');

        moveTo(REMINDER_AT + 60_000);
        await drainBoth();
        await drainBoth();
        const sent = world.connector.calls.filter(firstMessage);
        assert.strictEqual(sent.length, 1, 'exactly once across two instances');
        const text = textOf(sent[0]);
        for (const button of ['Yenilemeyi başlat', 'Sonra hatırlat', 'Hatırlatmayı kapat']) assert.ok(text.includes(button), button);
        for (const fact of ['“e-İmza” ile giriş', '“e-Devlet” ile giriş', 'kurumlar arası geçişlerde']) assert.ok(text.includes(fact), fact);
        assert.doesNotMatch(text, /pencere|sonunda/);
        const reminderId = reminderIdOf(sent[0]);

        // "Sonra hatırlat": the same message a week later, in working time.
        assert.match(textOf({ kind: 'send', conversationId: PERSONAL, activity: (await user.send({ value: { renewalReminder: 'later', reminderId, stage: 0 } }))[0] }), /yeniden hatırlatacağım/);
        moveTo(REMINDER_AT + 7 * 86_400_000 + 3 * 3_600_000);
        await drainBoth();
        assert.strictEqual(world.connector.calls.filter(firstMessage).length, 2);

        // "Yenilemeyi başlat": the guided renewal at step 1; the reminder is done, its data gone.
        const started = (await user.send({ value: { renewalReminder: 'start', reminderId, stage: 0 } })).map((reply) => textOf({ kind: 'send', conversationId: PERSONAL, activity: reply })).join('\n');
        assert.match(started, /Adım 1 \//);
        assert.deepStrictEqual(await world.app.services.renewals?.list(TEAMS_REQUESTER), []);
        moveTo(PRODUCTION_AT + 60_000);
        await drainBoth();
        assert.strictEqual(world.connector.calls.filter(lastMessage).length, 0, 'no second message after a renewal was started from the reminder');
    });

    it('sends the second message when renewals go into production, then deletes the reminder', async () => {
        world = new TicketWorld();
        await world.start();
        const user = world.teamsUser();
        await user.pick('reminders');
        await user.say('Haziran 2027');
        await user.pick('remind');
        moveTo(REMINDER_AT + 60_000);
        await drainBoth();
        moveTo(PRODUCTION_AT + 60_000);
        await drainBoth();
        const [last] = world.connector.calls.filter(lastMessage);
        assert.ok(last, 'the second message');
        assert.match(textOf(last), /henüz başlamadıysanız sertifikanız geçerliyken başlayın/);
        assert.strictEqual(world.connector.calls.filter(lastMessage).length, 1);
        assert.deepStrictEqual(await world.app.services.renewals?.list(TEAMS_REQUESTER), []);
    });

    it('"Hatırlatıcılarım" lists and cancels; "Hatırlatmayı kapat" deletes; nothing is sent afterwards', async () => {
        world = new TicketWorld();
        await world.start();
        const user = world.teamsUser();
        await user.pick('reminders');
        await user.say(EXPIRY);
        await user.pick('remind');
        const listed = await user.pick('reminders');
        assert.match(listed, /Bitiş: Haziran 2027/);
        const [reminder] = (await world.app.services.renewals?.list(TEAMS_REQUESTER)) ?? [];
        assert.match(await user.pick(`cancel:${reminder.id}`), /Haziran 2027 hatırlatıcısı kapatıldı/);
        assert.deepStrictEqual(await world.app.services.renewals?.list(TEAMS_REQUESTER), []);

        await user.pick('reminders');
        await user.say('07/2027');
        await user.pick('remind');
        const [again] = (await world.app.services.renewals?.list(TEAMS_REQUESTER)) ?? [];
        const off = await user.send({ value: { renewalReminder: 'off', reminderId: again.id, stage: 0 } });
        assert.match(textOf({ kind: 'send', conversationId: PERSONAL, activity: off[0] }), /Hatırlatıcı kapatıldı/);
        moveTo(Date.UTC(2027, 6, 1));
        await drainBoth();
        assert.strictEqual(world.connector.calls.filter((call) => call.conversationId === PERSONAL && /renewalReminder/.test(JSON.stringify(call.activity))).length, 0);
    });

    it('tells a web-chat-only user plainly that reminders need Teams or an e-mail address', async () => {
        world = new TicketWorld();
        await world.start();
        const user = world.webUser('web-1');
        await user.pick('reminders');
        const answer = await user.say('Haziran 2027');
        assert.match(answer, /yalnızca Microsoft Teams'te ya da bir e-posta adresine/);
        assert.doesNotMatch(answer, /Evet, hatırlat/);
    });

    it('also e-mails the reminder when SMTP is configured and Teams gave an address', async () => {
        const mail = await startMailServer();
        try {
            world = new TicketWorld({ SMTP_URL: mail.url, TICKET_EMAIL_TO: 'ebysyardim@bezmialem.edu.tr', TICKET_EMAIL_FROM: 'e-imza-asistani@bezmialem.edu.tr' });
            await world.start();
            const user = world.teamsUser('en-US');
            await user.pick('reminders');
            await user.say('June 2027');
            assert.match(await user.pick('remind'), /send an e-mail as well/);
            moveTo(REMINDER_AT + 60_000);
            await drainBoth();
            const copies = mail.received.filter((received) => received.envelopeTo.includes(TEAMS_USER.email!));
            assert.strictEqual(copies.length, 1);
            assert.match(copies[0].mail.subject ?? '', /time to renew your certificate/);
            assert.match(copies[0].mail.text ?? '', /expires in June 2027/);
            assert.match(copies[0].mail.text ?? '', /“e-İmza ile Onayla”/);
            assert.doesNotMatch(copies[0].mail.text ?? '', /window|end of June/);
            assert.strictEqual(world.connector.calls.filter(isReminder(/Time to renew your certificate/)).length, 1);

            // A web chat user, where SMTP is configured, may have the reminder by e-mail only.
            const web = world.webUser('web-mail');
            await web.pick('reminders');
            assert.match(await web.say('08/2027'), /kurumsal e-posta adresinize gönderebilirim/);
            assert.match(await web.pick('remindByEmail'), /Kurumsal e-posta adresiniz/);
            // The address typed in web chat is confirmed by its owner first: anyone could type a colleague's.
            assert.match(await web.say('zeynep.kaya@bezmialem.edu.tr'), /zeynep\.kaya@bezmialem\.edu\.tr adresine bir onay bağlantısı gönderdim/);
            await drainBoth();
            const [request] = mail.received.filter((received) => received.envelopeTo.includes('zeynep.kaya@bezmialem.edu.tr'));
            const confirm = /(https?:\/\/\S+\/reminders\/email\/confirm\/\S+)/.exec(request.mail.text ?? '')![1];
            assert.strictEqual((await fetch(confirm, { method: 'POST' })).status, 200);
            moveTo(Date.UTC(2027, 3, 1, 6));
            await drainBoth();
            const webCopies = mail.received.filter((received) => received.envelopeTo.includes('zeynep.kaya@bezmialem.edu.tr')).slice(1);
            assert.strictEqual(webCopies.length, 1);
            assert.match(webCopies[0].mail.subject ?? '', /sertifikanızı yenileme zamanı \(Ağustos 2027\)/);
        } finally {
            await mail.stop();
        }
    });
});

describe('renewal reminders on Cosmos DB: two bot instances, one database (local Cosmos server)', function () {
    this.timeout(30_000);
    const instances = twoInstancesOnOneCosmosDb('bot', { inStaffTeam: false });

    async function drainBoth(at: number): Promise<void> {
        const { a, b } = instances;
        for (const world of [a, b]) world.clock.advanceMinutes((at - world.clock.now()) / 60_000);
        a.app.dispatcher.kick();
        b.app.dispatcher.kick();
        await Promise.all([a.settle(), b.settle()]);
    }
    const sent = (matches: (call: ConnectorCall) => boolean) => [...instances.a.connector.calls, ...instances.b.connector.calls].filter(matches).length;

    it('sends the first message once, not before, and the Hatırlatıcılarım list and cancel work on the other instance', async () => {
        const { a, b } = instances;
        const onA = a.teamsUser();
        await onA.pick('reminders');
        await onA.say(EXPIRY);
        assert.match(await onA.pick('remind'), /1 Şubat 2027/);
        await drainBoth(REMINDER_AT - 60_000);
        assert.strictEqual(sent(firstMessage), 0);
        await drainBoth(REMINDER_AT + 60_000);
        await drainBoth(REMINDER_AT + 120_000);
        assert.strictEqual(sent(firstMessage), 1);

        const onB = b.teamsUser();
        assert.match(await onB.pick('reminders'), /Bitiş: Haziran 2027/);
        const [reminder] = (await b.app.services.renewals?.list(TEAMS_REQUESTER)) ?? [];
        assert.match(await onB.pick(`cancel:${reminder.id}`), /kapatıldı/);
        assert.deepStrictEqual(await a.app.services.renewals?.list(TEAMS_REQUESTER), []);
        await drainBoth(PRODUCTION_AT + 60_000);
        assert.strictEqual(sent(lastMessage), 0);
    });
});
