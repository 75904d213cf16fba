import * as assert from 'assert';
import { ETagConflictError } from '../../core/errors';
import { OPEN_STATUSES, type Ticket } from '../../tickets/ticket';
import type { TicketStore } from '../../tickets/ticketStore';
import type { RenewalReminder } from '../../renewals/renewalReminder';
import { namespaceStoredRequesterIds } from '../../tickets/requesterIds';
import { changed, minutes, sampleTicket, staffMember, TICKET_TIME } from './sampleTickets';

const FAR_FUTURE = Date.UTC(2100, 0, 1);

const requesterNamed = (id: string, name: string) => ({
    ...sampleTicket().requester,
    id,
    name,
});

async function allPending(store: TicketStore) {
    return store.pendingNotices(FAR_FUTURE, 10_000);
}

/**
 * What every `TicketStore` must do. Run against each implementation (SQLite now, Cosmos DB
 * later) so they cannot drift apart; it uses nothing but the interface.
 */
export function ticketStoreContract(name: string, open: () => Promise<{ store: TicketStore; close: () => Promise<void> }>): void {
    describe(`${name} ticket store contract`, () => {
        let store: TicketStore;
        let close: () => Promise<void>;

        beforeEach(async () => {
            ({ store, close } = await open());
        });
        afterEach(async () => close());

        describe('creating', () => {
            it('gives a new ticket an id, a number and an eTag, and reads it back unchanged', async () => {
                const draft = sampleTicket();
                const created = await store.create(draft, []);
                assert.ok(created.id && created.eTag && Number.isInteger(created.number));
                assert.deepStrictEqual(created, { ...draft, id: created.id, number: created.number, eTag: created.eTag });
                assert.deepStrictEqual(await store.get(created.id), created);
                assert.deepStrictEqual(await store.getByNumber(created.number), created);
            });

            it('numbers follow one another without gaps', async () => {
                const numbers: number[] = [];
                for (let i = 0; i < 5; i++) numbers.push((await store.create(sampleTicket({ createdAt: TICKET_TIME + i }), [])).number);
                assert.deepStrictEqual(
                    numbers,
                    numbers.map((_, i) => numbers[0] + i),
                );
            });

            it('50 tickets created at once get 50 different, consecutive numbers', async () => {
                const created = await Promise.all(Array.from({ length: 50 }, (_, i) => store.create(sampleTicket({ createdAt: TICKET_TIME + i }), [{ target: 'staff', historyIndex: 0 }])));
                const numbers = created.map((ticket) => ticket.number).sort((a, b) => a - b);
                assert.strictEqual(new Set(numbers).size, 50);
                assert.strictEqual(numbers[49] - numbers[0], 49);
                assert.strictEqual(new Set(created.map((ticket) => ticket.id)).size, 50);
                assert.strictEqual((await allPending(store)).length, 50);
            });

            it('writes the notices the new ticket causes, due at once', async () => {
                const created = await store.create(sampleTicket(), [
                    { target: 'staff', historyIndex: 0 },
                    { target: 'user', historyIndex: 0 },
                ]);
                const notices = await store.pendingNotices(created.updatedAt, 10);
                assert.deepStrictEqual(
                    notices.map(({ ticketId, target, historyIndex, attempts, createdAt, notBefore }) => ({ ticketId, target, historyIndex, attempts, createdAt, notBefore })),
                    [
                        { ticketId: created.id, target: 'staff', historyIndex: 0, attempts: 0, createdAt: created.updatedAt, notBefore: created.updatedAt },
                        { ticketId: created.id, target: 'user', historyIndex: 0, attempts: 0, createdAt: created.updatedAt, notBefore: created.updatedAt },
                    ],
                );
                assert.notStrictEqual(notices[0].id, notices[1].id);
            });
        });

        describe('finding', () => {
            it('answers undefined for an unknown id, number or staff thread', async () => {
                await store.create(sampleTicket(), []);
                assert.strictEqual(await store.get('no-such-ticket'), undefined);
                assert.strictEqual(await store.getByNumber(1), undefined);
                assert.strictEqual(await store.findByStaffConversation('19:nothing@thread.tacv2;messageid=1'), undefined);
            });

            it('finds a ticket by the staff thread it was posted to', async () => {
                const other = await store.create(sampleTicket(), []);
                const created = await store.create(sampleTicket(), []);
                const conversationId = '19:staff@thread.tacv2;messageid=1700000000000';
                const posted = await store.update(
                    {
                        ...created,
                        staffThread: { conversationId, cardActivityId: '1700000000000', reference: { channelId: 'msteams' } },
                    },
                    [],
                );
                assert.deepStrictEqual(await store.findByStaffConversation(conversationId), posted);
                assert.notStrictEqual(posted.id, other.id);
            });

            it("lists a requester's own tickets only, newest first", async () => {
                const ayse = requesterNamed('user-ayse', 'Ayşe');
                const mehmet = requesterNamed('user-mehmet', 'Mehmet');
                const first = await store.create(sampleTicket({ requester: ayse, createdAt: TICKET_TIME }), []);
                await store.create(sampleTicket({ requester: mehmet, createdAt: TICKET_TIME + minutes(1) }), []);
                const second = await store.create(sampleTicket({ requester: ayse, kind: 'formDelivery', createdAt: TICKET_TIME + minutes(2) }), []);
                assert.deepStrictEqual(
                    (await store.listByRequester('user-ayse')).map((ticket) => ticket.id),
                    [second.id, first.id],
                );
                assert.deepStrictEqual(await store.listByRequester('user-nobody'), []);
            });

            it('lists every ticket newest first, or only those in the given statuses', async () => {
                const old = await store.create(sampleTicket({ createdAt: TICKET_TIME }), []);
                const claimed = await store.create(sampleTicket({ createdAt: TICKET_TIME + minutes(1) }), []);
                const resolved = await store.create(sampleTicket({ createdAt: TICKET_TIME + minutes(2) }), []);
                await store.update(changed(claimed, 'claimed', TICKET_TIME + minutes(3), 'claimed'), []);
                await store.update(changed(resolved, 'resolved', TICKET_TIME + minutes(4), 'resolved'), []);
                const ids = (tickets: Ticket[]) => tickets.map((ticket) => ticket.id);
                assert.deepStrictEqual(ids(await store.list()), [resolved.id, claimed.id, old.id]);
                assert.deepStrictEqual(ids(await store.list(OPEN_STATUSES)), [claimed.id, old.id]);
                assert.deepStrictEqual(ids(await store.list(['resolved', 'withdrawn'])), [resolved.id]);
                assert.deepStrictEqual(await store.list([]), []);
            });
        });

        describe('updating', () => {
            it('writes with the current eTag, returns a new eTag, and keeps the number', async () => {
                const created = await store.create(sampleTicket(), []);
                const claimed = changed(created, 'claimed', TICKET_TIME + minutes(5), 'claimed');
                const stored = await store.update({ ...claimed, assignee: staffMember }, [{ target: 'user', historyIndex: 1 }]);
                assert.notStrictEqual(stored.eTag, created.eTag);
                assert.strictEqual(stored.number, created.number);
                assert.deepStrictEqual(await store.get(created.id), stored);
                assert.deepStrictEqual((await store.getByNumber(created.number))?.assignee, staffMember);
            });

            it('refuses a stale eTag with ETagConflictError and writes neither the ticket nor its notices', async () => {
                const created = await store.create(sampleTicket(), [{ target: 'staff', historyIndex: 0 }]);
                const fresh = await store.update(changed(created, 'claimed', TICKET_TIME + minutes(1), 'claimed'), [{ target: 'user', historyIndex: 1 }]);
                await assert.rejects(store.update(changed(created, 'resolved', TICKET_TIME + minutes(2), 'resolved', 'stale'), [{ target: 'user', historyIndex: 1 }]), ETagConflictError);
                assert.deepStrictEqual(await store.get(created.id), fresh);
                assert.deepStrictEqual(
                    (await allPending(store)).map((notice) => notice.target),
                    ['staff', 'user'],
                );
            });

            it('refuses to update a ticket that was never created', async () => {
                const created = await store.create(sampleTicket(), []);
                await assert.rejects(store.update({ ...created, id: 'never-created' }, [{ target: 'user', historyIndex: 0 }]), ETagConflictError);
                assert.strictEqual(await store.get('never-created'), undefined);
                assert.deepStrictEqual(await allPending(store), []);
            });

            it('of two updates from the same read, exactly one wins, with only its own notice', async () => {
                const created = await store.create(sampleTicket(), []);
                const claims = ['staff-a', 'staff-b'].map((id) => ({
                    ...changed(created, 'claimed', TICKET_TIME + minutes(1), 'claimed'),
                    assignee: { id, name: id },
                }));
                const outcomes = await Promise.allSettled(claims.map((claim) => store.update(claim, [{ target: 'user', historyIndex: 1 }])));
                const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
                const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
                assert.strictEqual(won.length, 1);
                assert.strictEqual(lost.length, 1);
                assert.ok(lost[0].reason instanceof ETagConflictError);
                const stored = await store.get(created.id);
                assert.deepStrictEqual(stored, won[0].value);
                assert.strictEqual(stored?.history.length, 2);
                assert.strictEqual((await allPending(store)).length, 1);
            });

            it('writes the notices of an update with it, dated at the change', async () => {
                const created = await store.create(sampleTicket(), [{ target: 'staff', historyIndex: 0 }]);
                const at = TICKET_TIME + minutes(30);
                const replied = await store.update(changed(created, 'replied', at, 'claimed', 'Kartınızı yeniden takın.'), [{ target: 'user', historyIndex: 1 }]);
                const notices = await allPending(store);
                assert.deepStrictEqual(
                    notices.map(({ ticketId, target, historyIndex, createdAt }) => ({ ticketId, target, historyIndex, createdAt })),
                    [
                        { ticketId: created.id, target: 'staff', historyIndex: 0, createdAt: created.updatedAt },
                        { ticketId: replied.id, target: 'user', historyIndex: 1, createdAt: at },
                    ],
                );
                assert.strictEqual(replied.history[notices[1].historyIndex].text, 'Kartınızı yeniden takın.');
            });
        });

        describe('the notice outbox', () => {
            it('hands out pending notices oldest first, at most `limit` of them', async () => {
                const later = await store.create(sampleTicket({ createdAt: TICKET_TIME + minutes(10) }), [{ target: 'staff', historyIndex: 0 }]);
                const earlier = await store.create(sampleTicket({ createdAt: TICKET_TIME }), [{ target: 'staff', historyIndex: 0 }]);
                await store.update(changed(earlier, 'claimed', TICKET_TIME + minutes(20), 'claimed'), [{ target: 'user', historyIndex: 1 }]);
                const order = (await allPending(store)).map((notice) => [notice.ticketId, notice.historyIndex]);
                assert.deepStrictEqual(order, [
                    [earlier.id, 0],
                    [later.id, 0],
                    [earlier.id, 1],
                ]);
                assert.deepStrictEqual(
                    (await store.pendingNotices(FAR_FUTURE, 2)).map((notice) => [notice.ticketId, notice.historyIndex]),
                    order.slice(0, 2),
                );
            });

            it('holds back a notice until its time has come', async () => {
                const created = await store.create(sampleTicket({ createdAt: TICKET_TIME + minutes(10) }), [{ target: 'staff', historyIndex: 0 }]);
                assert.deepStrictEqual(await store.pendingNotices(TICKET_TIME + minutes(10) - 1, 10), []);
                assert.deepStrictEqual(
                    (await store.pendingNotices(TICKET_TIME + minutes(10), 10)).map((notice) => notice.ticketId),
                    [created.id],
                );
            });

            it('a delivered notice is not handed out again; marking twice or an unknown id is harmless', async () => {
                await store.create(sampleTicket(), [
                    { target: 'staff', historyIndex: 0 },
                    { target: 'user', historyIndex: 0 },
                ]);
                const [first, second] = await allPending(store);
                await store.markDelivered(first.id);
                await store.markDelivered(first.id);
                await store.markDelivered('no-such-notice');
                assert.deepStrictEqual(
                    (await allPending(store)).map((notice) => notice.id),
                    [second.id],
                );
            });

            it('a postponed notice counts the attempt and waits until the given time', async () => {
                await store.create(sampleTicket(), [{ target: 'user', historyIndex: 0 }]);
                const [notice] = await allPending(store);
                const retryAt = TICKET_TIME + minutes(2);
                await store.postpone(notice.id, retryAt);
                assert.deepStrictEqual(await store.pendingNotices(retryAt - 1, 10), []);
                const [again] = await store.pendingNotices(retryAt, 10);
                assert.deepStrictEqual(
                    { id: again.id, attempts: again.attempts, notBefore: again.notBefore, createdAt: again.createdAt },
                    { id: notice.id, attempts: 1, notBefore: retryAt, createdAt: notice.createdAt },
                );
                await store.postpone(notice.id, retryAt + minutes(4));
                assert.strictEqual((await store.pendingNotices(retryAt + minutes(4), 10))[0].attempts, 2);
            });

            it('a notice given up on is no longer handed out nor claimable, and is listed as failed with its attempts and reason', async () => {
                const created = await store.create(sampleTicket(), [
                    { target: 'staff', historyIndex: 0 },
                    { target: 'user', historyIndex: 0 },
                ]);
                const [failing, other] = await allPending(store);
                await store.postpone(failing.id, TICKET_TIME + minutes(1));
                assert.ok(await store.claimNotice(failing.id, 'a', TICKET_TIME + minutes(10), TICKET_TIME + minutes(1)));
                await store.giveUpNotice(failing.id, TICKET_TIME + minutes(2), 'Request Entity Too Large');
                await store.giveUpNotice(failing.id, TICKET_TIME + minutes(3), 'twice is harmless');
                await store.giveUpNotice('no-such-notice', TICKET_TIME, 'unknown is harmless');
                assert.deepStrictEqual(
                    (await allPending(store)).map((notice) => notice.id),
                    [other.id],
                );
                assert.strictEqual(await store.claimNotice(failing.id, 'b', FAR_FUTURE, FAR_FUTURE), false);
                const failed = await store.failedNotices();
                assert.deepStrictEqual(
                    failed.map(({ id, ticketId, target, attempts, failedAt, failure }) => ({ id, ticketId, target, attempts, failedAt, failure })),
                    [{ id: failing.id, ticketId: created.id, target: failing.target, attempts: 2, failedAt: TICKET_TIME + minutes(2), failure: 'Request Entity Too Large' }],
                );
                await store.markDelivered(other.id);
                assert.deepStrictEqual(
                    (await store.failedNotices()).map((notice) => notice.id),
                    [failing.id],
                    'a delivered notice is not a failed one',
                );
            });

            it('lists failed notices newest first', async () => {
                await store.create(sampleTicket(), [
                    { target: 'staff', historyIndex: 0 },
                    { target: 'user', historyIndex: 0 },
                ]);
                const [first, second] = await allPending(store);
                await store.giveUpNotice(first.id, TICKET_TIME + minutes(1), 'first');
                await store.giveUpNotice(second.id, TICKET_TIME + minutes(5), 'second');
                assert.deepStrictEqual(
                    (await store.failedNotices()).map((notice) => notice.failure),
                    ['second', 'first'],
                );
            });

            it('a postponed notice keeps its place among older and newer ones', async () => {
                const first = await store.create(sampleTicket({ createdAt: TICKET_TIME }), [{ target: 'user', historyIndex: 0 }]);
                const second = await store.create(sampleTicket({ createdAt: TICKET_TIME + minutes(1) }), [{ target: 'user', historyIndex: 0 }]);
                const [notice] = await allPending(store);
                await store.postpone(notice.id, TICKET_TIME + minutes(2));
                assert.deepStrictEqual(
                    (await store.pendingNotices(TICKET_TIME + minutes(2), 10)).map((n) => n.ticketId),
                    [first.id, second.id],
                );
            });
        });

        describe('renewal reminders, and ids written before they carried their channel', () => {
            const AAD = '5f2b6c1e-1234-4abc-8def-0123456789ab';
            const teamsChat = { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'a:personal', isGroup: false, conversationType: 'personal', name: '' } };
            const webChat = { ...teamsChat, channelId: 'directline', conversation: { ...teamsChat.conversation, id: 'dl-conversation' } };
            const reminder = (id: string, overrides: Partial<RenewalReminder>): RenewalReminder => ({ id, userId: AAD, language: 'tr', expiryMonth: 3, expiryYear: 2027, createdAt: TICKET_TIME, ...overrides });

            it('lists reminders by e-mail address and all of them, oldest first, and rewrites one without touching its notices', async () => {
                await store.saveRenewalReminder(reminder('r-1', { email: 'a@bezmialem.edu.tr', createdAt: TICKET_TIME }), [{ target: 'renewalEmail', stage: 0, notBefore: TICKET_TIME }]);
                await store.saveRenewalReminder(reminder('r-2', { email: 'b@bezmialem.edu.tr', createdAt: TICKET_TIME + 1 }), []);
                await store.saveRenewalReminder(reminder('r-3', { email: 'a@bezmialem.edu.tr', createdAt: TICKET_TIME + 2 }), []);
                assert.deepStrictEqual(
                    (await store.listRenewalRemindersByEmail('a@bezmialem.edu.tr')).map((found) => found.id),
                    ['r-1', 'r-3'],
                );
                assert.deepStrictEqual(
                    (await store.listAllRenewalReminders()).map((found) => found.id),
                    ['r-1', 'r-2', 'r-3'],
                );
                await store.updateRenewalReminder(reminder('r-1', { userId: 'directline:other', createdAt: TICKET_TIME }));
                assert.strictEqual((await store.getRenewalReminder('r-1'))?.userId, 'directline:other');
                assert.deepStrictEqual(
                    (await store.listRenewalReminders('directline:other')).map((found) => found.id),
                    ['r-1'],
                );
                assert.strictEqual(await store.renewalNoticesLeft('r-1'), 1, 'its notice is still there');
                await store.updateRenewalReminder(reminder('gone', {}));
                assert.strictEqual(await store.getRenewalReminder('gone'), undefined, 'a reminder that is gone is not written back');
            });

            it('gives stored tickets and reminders their channel, telling the Teams user from a web chat user with the same id, once (security review 2, N1)', async () => {
                const teams = await store.create(sampleTicket({ requester: { ...requesterNamed(AAD, 'Mehmet Öz'), reference: teamsChat } }), []);
                const web = await store.create(sampleTicket({ requester: { ...requesterNamed(AAD, 'Web'), reference: webChat }, createdAt: TICKET_TIME + 1 }), []);
                await store.saveRenewalReminder(reminder('teams-reminder', { reference: teamsChat }), [{ target: 'renewal', stage: 0, notBefore: FAR_FUTURE }]);
                await store.saveRenewalReminder(reminder('mail-reminder', { email: 'a@bezmialem.edu.tr' }), []);
                assert.deepStrictEqual(await namespaceStoredRequesterIds(store), { tickets: 2, reminders: 2 });
                assert.deepStrictEqual(
                    (await store.listByRequester(`msteams:${AAD}`)).map((ticket) => ticket.id),
                    [teams.id],
                );
                assert.deepStrictEqual(
                    (await store.listByRequester(`directline:${AAD}`)).map((ticket) => ticket.id),
                    [web.id],
                );
                assert.deepStrictEqual(await store.listByRequester(AAD), []);
                assert.strictEqual((await store.get(teams.id))?.history[0].actor.id, `msteams:${AAD}`, 'their own history entries too');
                assert.deepStrictEqual(
                    (await store.listRenewalReminders(`msteams:${AAD}`)).map((found) => found.id),
                    ['teams-reminder'],
                );
                assert.deepStrictEqual(
                    (await store.listRenewalReminders(`directline:${AAD}`)).map((found) => found.id),
                    ['mail-reminder'],
                );
                assert.strictEqual(await store.renewalNoticesLeft('teams-reminder'), 1);
                assert.deepStrictEqual(await namespaceStoredRequesterIds(store), { tickets: 0, reminders: 0 }, 'a second run changes nothing');
            });
        });

        it('answers a ping', async () => {
            await store.ping();
        });
    });
}
