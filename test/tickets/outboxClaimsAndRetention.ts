import * as assert from 'assert';
import type { TicketStore } from '../../tickets/ticketStore';
import { changed, minutes, sampleTicket, TICKET_TIME } from './sampleTickets';

const DAY = 86_400_000;
const FAR_FUTURE = Date.UTC(2100, 0, 1);

/** Notice claims (several instances, one outbox) and ticket retention, for every TicketStore. */
export function outboxClaimsAndRetention(name: string, open: () => Promise<{ store: TicketStore; close: () => Promise<void> }>): void {
    describe(`${name} ticket store: claims and retention`, () => {
        let store: TicketStore;
        let close: () => Promise<void>;

        beforeEach(async () => {
            ({ store, close } = await open());
        });
        afterEach(async () => close());

        it('of two instances claiming one notice at once, exactly one gets it', async () => {
            await store.create(sampleTicket(), [{ target: 'staff', historyIndex: 0 }]);
            const [notice] = await store.pendingNotices(FAR_FUTURE, 10);
            const claims = await Promise.all(['instance-a', 'instance-b'].map((owner) => store.claimNotice(notice.id, owner, TICKET_TIME + minutes(5), TICKET_TIME)));
            assert.deepStrictEqual(claims.filter(Boolean).length, 1);
        });

        it('a claim blocks others until it expires; the holder may renew; a delivered notice cannot be claimed', async () => {
            await store.create(sampleTicket(), [{ target: 'staff', historyIndex: 0 }]);
            const [notice] = await store.pendingNotices(FAR_FUTURE, 10);
            const until = TICKET_TIME + minutes(5);
            assert.strictEqual(await store.claimNotice(notice.id, 'a', until, TICKET_TIME), true);
            assert.strictEqual(await store.claimNotice(notice.id, 'b', until, TICKET_TIME + minutes(1)), false);
            assert.strictEqual(await store.claimNotice(notice.id, 'a', until + minutes(5), TICKET_TIME + minutes(1)), true);
            assert.strictEqual(await store.claimNotice(notice.id, 'b', FAR_FUTURE, until + minutes(5)), true, 'an expired claim is taken over');
            await store.markDelivered(notice.id);
            assert.strictEqual(await store.claimNotice(notice.id, 'b', FAR_FUTURE, FAR_FUTURE), false);
            assert.strictEqual(await store.claimNotice('no-such-notice', 'b', FAR_FUTURE, TICKET_TIME), false);
        });

        it('a postponed notice is free to be claimed by anyone', async () => {
            await store.create(sampleTicket(), [{ target: 'user', historyIndex: 0 }]);
            const [notice] = await store.pendingNotices(FAR_FUTURE, 10);
            await store.claimNotice(notice.id, 'a', FAR_FUTURE, TICKET_TIME);
            await store.postpone(notice.id, TICKET_TIME + minutes(1));
            assert.strictEqual(await store.claimNotice(notice.id, 'b', TICKET_TIME + minutes(10), TICKET_TIME + minutes(1)), true);
        });

        it('retention deletes resolved and withdrawn tickets older than the cutoff, with their notices, and nothing else', async () => {
            const old = TICKET_TIME - 400 * DAY;
            const resolved = await store.create(sampleTicket({ createdAt: old, updatedAt: old }), [{ target: 'staff', historyIndex: 0 }]);
            await store.update(changed(resolved, 'resolved', old + minutes(1), 'resolved'), [{ target: 'user', historyIndex: 1 }]);
            const withdrawn = await store.create(sampleTicket({ createdAt: old, updatedAt: old }), []);
            await store.update(changed(withdrawn, 'withdrawn', old + minutes(1), 'withdrawn'), []);
            const oldButOpen = await store.create(sampleTicket({ createdAt: old, updatedAt: old }), [{ target: 'staff', historyIndex: 0 }]);
            const recent = await store.create(sampleTicket(), []);
            await store.update(changed(recent, 'resolved', TICKET_TIME + minutes(1), 'resolved'), []);

            assert.strictEqual(await store.deleteClosedBefore(TICKET_TIME - 365 * DAY), 2);
            assert.strictEqual(await store.get(resolved.id), undefined);
            assert.strictEqual(await store.get(withdrawn.id), undefined);
            assert.deepStrictEqual((await store.list()).map((ticket) => ticket.id).sort(), [oldButOpen.id, recent.id].sort());
            assert.deepStrictEqual(
                (await store.pendingNotices(FAR_FUTURE, 10)).map((notice) => notice.ticketId),
                [oldButOpen.id],
            );
            assert.strictEqual(await store.deleteClosedBefore(TICKET_TIME - 365 * DAY), 0, 'a second sweep finds nothing');
        });
    });
}
