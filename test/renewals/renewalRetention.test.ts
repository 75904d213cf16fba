import * as assert from 'assert';
import { MAX_DELIVERY_ATTEMPTS } from '../../tickets/noticeDispatcher';
import { requesterIdFor } from '../../tickets/requesterIds';
import { startMailServer } from '../support/mailServer';
import { TEAMS_USER, TicketWorld } from '../support/ticketWorld';

/** A backoff longer than the outbox's longest: each round every due notice is tried once more. */
const ROUND_MINUTES = 16;

describe('a renewal reminder whose messages cannot be delivered is deleted, not kept for years (security review 2, N11)', function () {
    this.timeout(60_000);

    it('when its last message is given up (the Teams chat and the mailbox are gone), the reminder and its address go', async () => {
        const mail = await startMailServer({ refuseRecipients: true });
        const world = new TicketWorld({ SMTP_URL: mail.url, TICKET_EMAIL_TO: 'ebysyardim@bezmialem.edu.tr' });
        try {
            await world.start();
            const renewals = world.app.services.renewals!;
            // Expiry in March 2027: every message is still ahead, by chat and by e-mail.
            const { reminder } = await renewals.create({
                userId: requesterIdFor('msteams', TEAMS_USER.id),
                language: 'tr',
                expiryMonth: 3,
                expiryYear: 2027,
                email: 'former.staff@bezmialem.edu.tr',
                emailConfirmed: true,
                reference: {
                    channelId: 'msteams',
                    serviceUrl: world.connector.url,
                    bot: { id: '28:bot', name: 'e-imza' },
                    user: { id: TEAMS_USER.id, name: TEAMS_USER.name },
                    conversation: { id: 'a:personal-gone', isGroup: false, conversationType: 'personal', name: '' },
                },
            });
            assert.ok(world.app.services.renewals!.plannedStages(3, 2027).length > 0);
            world.connector.failing = true;
            // The expiry month has come: every message is due, and each fails.
            world.clock.advanceMinutes((Date.UTC(2027, 2, 1) - world.clock.now()) / 60_000);
            for (let round = 0; round <= MAX_DELIVERY_ATTEMPTS + 1 && (await renewals.get(reminder.id)); round++) {
                world.clock.advanceMinutes(ROUND_MINUTES);
                world.app.dispatcher.kick();
                await world.settle();
            }
            assert.strictEqual(await renewals.get(reminder.id), undefined, 'the reminder was kept after its last message was given up');
            assert.deepStrictEqual(await renewals.list(requesterIdFor('msteams', TEAMS_USER.id)), []);
            assert.ok(
                world.logLines.some((line) => /renewal reminder not delivered, given up/.test(line)),
                'the operator is told in the log',
            );
            assert.strictEqual(mail.received.length, 0);
        } finally {
            await world.stop();
            await mail.stop();
        }
    });
});
