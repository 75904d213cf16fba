import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as path from 'path';
import { createApp } from '../../app/createApp';
import { loadConfig } from '../../core/config';
import { silentLogger } from '../../core/logger';
import { SqliteTicketStore } from '../../storage/sqliteTicketStore';
import { CONFIRMATION_HOURS, MAX_REMINDERS_PER_ADDRESS, MAX_REMINDERS_PER_USER } from '../../renewals/reminderEmails';
import { requesterIdFor } from '../../tickets/requesterIds';
import { startMailServer, type Received } from '../support/mailServer';
import { temporaryDataDir } from '../web/startTestServer';
import { TEAMS_USER, TicketWorld } from '../support/ticketWorld';
import { translator } from '../support/testBot';

const tr = (key: string, values?: Record<string, unknown>) => translator.t('tr', key, values);
/** The target of an unwanted sign-up: an address nobody in the chat owns. */
const VICTIM = 'rektor@bezmialem.edu.tr';
const HOUR = 3_600_000;
const linkIn = (received: Received, action: 'confirm' | 'stop') => new RegExp(`(https?://\\S+/reminders/email/${action}/\\S+)`).exec(received.mail.text ?? '')?.[1];
const isConfirmation = (received: Received) => received.mail.subject === tr('renewalReminders.emailConfirm.subject');

describe('renewal reminder e-mails go only to an address its owner proved, a few at most, and stop with one click (security review 2, N5)', function () {
    this.timeout(120_000);
    let mail: Awaited<ReturnType<typeof startMailServer>>;
    let world: TicketWorld;
    const moveTo = (at: number) => world.clock.advanceMinutes((at - world.clock.now()) / 60_000);
    const drain = async () => {
        world.app.dispatcher.kick();
        await world.settle();
    };
    const to = (address: string) => mail.received.filter((received) => received.envelopeTo.includes(address));

    beforeEach(async () => {
        mail = await startMailServer();
        world = new TicketWorld({ SMTP_URL: mail.url, TICKET_EMAIL_TO: 'ebysyardim@bezmialem.edu.tr' });
    });
    afterEach(async () => {
        await world.stop();
        await mail.stop();
    });

    /** A web chat visitor asks for an e-mail reminder for February 2027 to `address`; the bot's last answer. */
    async function webChatAsks(visitor: string, address: string, expiry = '02/2027'): Promise<string> {
        const user = world.webUser(visitor);
        // With reminders already, the list comes first.
        if ((await user.pick('reminders')).includes(tr('renewalReminders.add'))) await user.pick('add');
        await user.say(expiry);
        await user.pick('remindByEmail');
        return user.say(address);
    }

    it("the review's mail bomb: twelve web chat visitors sign up one address; it gets three confirmation requests and no reminder", async () => {
        await world.start();
        const answers: string[] = [];
        for (let visitor = 0; visitor < 12; visitor++) answers.push(await webChatAsks(`web-bomb-${visitor}`, VICTIM));
        await drain();
        assert.strictEqual(answers.filter((answer) => answer.includes(tr('renewalReminders.emailConfirm.sent', { email: VICTIM, hours: CONFIRMATION_HOURS }))).length, MAX_REMINDERS_PER_ADDRESS);
        assert.strictEqual(answers.filter((answer) => answer.includes(tr('renewalReminders.emailConfirm.limitPerAddress', { max: MAX_REMINDERS_PER_ADDRESS }))).length, 12 - MAX_REMINDERS_PER_ADDRESS);
        // The days the reminder's messages were due: nothing but the requests ever reached the address.
        for (const day of [Date.UTC(2026, 11, 1, 6), Date.UTC(2027, 0, 4, 6)]) {
            moveTo(day);
            await drain();
        }
        assert.strictEqual(to(VICTIM).length, MAX_REMINDERS_PER_ADDRESS);
        assert.ok(to(VICTIM).every(isConfirmation), 'only confirmation requests');
        assert.ok(
            to(VICTIM).every((received) => linkIn(received, 'stop')),
            'each with a line that stops them',
        );
    });

    it('a few reminders per user: the next one is refused and the user told why', async () => {
        await world.start();
        for (let n = 1; n <= MAX_REMINDERS_PER_USER; n++) {
            assert.match(await webChatAsks('web-many', `person${n}@bezmialem.edu.tr`), /onay bağlantısı gönderdim/);
        }
        assert.ok((await webChatAsks('web-many', 'person9@bezmialem.edu.tr')).includes(tr('renewalReminders.emailConfirm.limitPerUser', { max: MAX_REMINDERS_PER_USER })));
        assert.strictEqual((await world.app.services.renewals!.list(requesterIdFor('webchat', 'web-many'))).length, MAX_REMINDERS_PER_USER);
    });

    it('opening the link only shows a button (mail scanners open every link); pressing it confirms; a wrong key or a late click does nothing', async () => {
        await world.start();
        await webChatAsks('web-owner', 'zeynep.kaya@bezmialem.edu.tr');
        await webChatAsks('web-late', 'late@bezmialem.edu.tr');
        await drain();
        const confirm = linkIn(to('zeynep.kaya@bezmialem.edu.tr')[0], 'confirm')!;
        const [reminder] = await world.app.services.renewals!.list(requesterIdFor('webchat', 'web-owner'));
        assert.strictEqual(reminder.emailConfirmed, false);
        assert.ok(
            (await world.webUser('web-owner').pick('reminders')).includes(tr('renewalReminders.emailConfirm.line', { expiry: 'Şubat 2027', email: 'zeynep.kaya@bezmialem.edu.tr' })),
            'the list promises no date before the address is confirmed',
        );

        const opened = await fetch(confirm);
        assert.strictEqual(opened.status, 200);
        assert.strictEqual(opened.headers.get('referrer-policy'), 'no-referrer', 'the key in the URL goes nowhere');
        assert.match(await opened.text(), /<form method="post"><button type="submit">Onaylıyorum<\/button><\/form>/);
        assert.strictEqual((await world.app.services.renewals!.get(reminder.id))?.emailConfirmed, false, 'opening is not confirming');

        const forged = confirm.replace(/\/[^/]+$/, `/${'A'.repeat(32)}`);
        assert.strictEqual((await fetch(forged, { method: 'POST' })).status, 404);
        assert.strictEqual((await world.app.services.renewals!.get(reminder.id))?.emailConfirmed, false, 'a wrong key confirms nothing');

        const pressed = await fetch(confirm, { method: 'POST' });
        assert.strictEqual(pressed.status, 200);
        assert.match(await pressed.text(), /Onaylandı/);
        assert.strictEqual((await world.app.services.renewals!.get(reminder.id))?.emailConfirmed, true);
        moveTo(Date.UTC(2026, 11, 1, 6));
        await drain();
        const reminderMails = to('zeynep.kaya@bezmialem.edu.tr').filter((received) => !isConfirmation(received));
        assert.strictEqual(reminderMails.length, 1, "the reminder itself, on the window's first day");

        // Two days passed: the other request ran out; its link is dead and the sweep removes it.
        const late = linkIn(to('late@bezmialem.edu.tr')[0], 'confirm')!;
        assert.ok(world.clock.now() > Date.UTC(2026, 10, 23) + CONFIRMATION_HOURS * HOUR);
        assert.strictEqual((await fetch(late, { method: 'POST' })).status, 404);
        const swept = await world.app.sweepReminders().then(() => fetch(late));
        assert.strictEqual(swept.status, 404);
        assert.strictEqual(to('late@bezmialem.edu.tr').filter((received) => !isConfirmation(received)).length, 0);
    });

    it('every reminder e-mail has a stop link that works without the bot; Teams keeps reminding in the chat', async () => {
        await world.start();
        const teams = world.teamsUser();
        await teams.pick('reminders');
        // June 2027: a message four months ahead (1 February) and one when renewals go into production (1 April).
        await teams.say('06/2027');
        await teams.pick('remind');
        moveTo(Date.UTC(2027, 1, 1, 6));
        await drain();
        const [copy] = to(TEAMS_USER.email!);
        assert.ok(copy, "Teams' address is proven: the copy goes out without confirmation");
        const stop = linkIn(copy, 'stop')!;
        assert.ok(copy.mail.text?.includes(tr('email.unsubscribe.line', { link: stop })));
        assert.deepStrictEqual(copy.mail.headers.get('list'), { unsubscribe: { url: stop } }, 'mail programs offer their own "unsubscribe"');
        assert.strictEqual((await fetch(stop)).status, 200);
        const stopped = await fetch(stop, { method: 'POST' });
        assert.match(await stopped.text(), new RegExp(tr('email.unsubscribe.done', { email: TEAMS_USER.email }).slice(0, 20)));
        const before = world.connector.calls.length;
        moveTo(Date.UTC(2027, 3, 1, 6));
        await drain();
        assert.strictEqual(to(TEAMS_USER.email!).length, 1, 'no e-mail after the stop');
        assert.ok(
            world.connector.calls.slice(before).some((call) => call.conversationId === 'a:personal-mehmet'),
            'the Teams message still comes',
        );
    });

    it('web chat reminders stored before confirmation existed are asked to confirm; Teams ones keep their proven address', async () => {
        await world.start(async () => {
            const store = new SqliteTicketStore(path.join(world.dataDir, 'tickets.sqlite'));
            await store.saveRenewalReminder({ id: randomUUID(), userId: 'directline:dl_old', language: 'tr', expiryMonth: 3, expiryYear: 2027, email: VICTIM, createdAt: Date.UTC(2026, 9, 1) }, [
                { target: 'renewalEmail', stage: 0, notBefore: Date.UTC(2027, 0, 1) },
            ]);
            await store.close();
        });
        await drain();
        assert.strictEqual(to(VICTIM).length, 1);
        assert.ok(isConfirmation(to(VICTIM)[0]), 'a confirmation request, not a reminder');
        moveTo(Date.UTC(2027, 0, 4, 6));
        await drain();
        assert.strictEqual(to(VICTIM).length, 1, 'no reminder to an address nobody confirmed');
    });

    it('with Bot Framework credentials and no PUBLIC_BASE_URL, reminder e-mails are off: their links would lead nowhere', async () => {
        const env = { PORT: '0', DATA_DIR: temporaryDataDir(), SMTP_URL: mail.url, TICKET_EMAIL_TO: 'ebysyardim@bezmialem.edu.tr', MicrosoftAppId: randomUUID(), MicrosoftAppPassword: 'x' };
        for (const [extra, enabled] of [
            [{}, false],
            [{ PUBLIC_BASE_URL: 'https://bot.bezmialem.edu.tr' }, true],
        ] as const) {
            const app = createApp(loadConfig({ ...env, ...extra }), { logger: silentLogger });
            assert.strictEqual(app.services.renewals?.emailEnabled, enabled);
            await app.close();
        }
        await world.start();
    });
});
