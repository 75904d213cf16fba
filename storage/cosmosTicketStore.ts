import { randomUUID } from 'crypto';
import type { Container, CosmosClient, ItemDefinition, JSONObject, OperationInput, OperationResponse, SqlParameter } from '@azure/cosmos';
import type { FailedNotice, NewTicket, Notice, NoticeDraft, Ticket, TicketStatus } from '../tickets/ticket';
import type { TicketStore } from '../tickets/ticketStore';
import type { RenewalNoticeDraft, RenewalReminder } from '../renewals/renewalReminder';
import { createCosmosClient, lazyContainer, retryRaces, statusOf, transactionalBatch, withRetry, type CosmosSettings } from './cosmosClient';
import { ETagConflictError, StoreUnavailableError } from '../core/errors';

export const TICKETS_CONTAINER = 'tickets';
const FIRST_TICKET_NUMBER = 1001;
const COUNTER_ID = 'counter-ticketNumber';
/**
 * One logical partition for the library's whole help desk: tickets, their notices and the number
 * counter. Every query the bot makes (by number, by staff thread, by requester, open tickets,
 * due notices) is then a single-partition query, and a ticket change, its notices and — for a new
 * ticket — the counter commit in one transactional batch, so a crash keeps all or nothing and
 * numbers have no gaps. A library's tickets stay far below a logical partition's 20 GB and
 * 10,000 RU/s, the more so with the retention sweep; a second library gets its own value.
 */
const PARTITION = 'library';
const CLOSED: readonly TicketStatus[] = ['resolved', 'withdrawn'];
/** Cosmos DB's limit of operations in one transactional batch. */
const MAX_BATCH = 100;

type TicketDocument = Omit<Ticket, 'eTag'>;

interface TicketItem {
    id: string;
    pk: string;
    type: 'ticket';
    number: number;
    requesterId: string;
    staffConversationId: string | null;
    status: TicketStatus;
    createdAt: number;
    updatedAt: number;
    ticket: TicketDocument;
    _etag?: string;
}

interface NoticeItem {
    id: string;
    pk: string;
    type: 'notice';
    ticketId: string;
    target: Notice['target'];
    historyIndex: number;
    createdAt: number;
    /** Ties between notices of the same moment keep the order they were written in. */
    seq: number;
    attempts: number;
    notBefore: number;
    delivered: boolean;
    leaseOwner: string | null;
    leaseUntil: number;
    /** Set when the outbox gave up on the notice; absent on notices written before that existed. */
    failedAt?: number | null;
    failure?: string | null;
    _etag?: string;
}

/** A renewal reminder; its notices are `notice` items whose `ticketId` is the reminder's id. */
interface RenewalReminderItem {
    id: string;
    pk: string;
    type: 'renewalReminder';
    userId: string;
    createdAt: number;
    reminder: RenewalReminder;
    _etag?: string;
}

interface CounterItem {
    id: string;
    pk: string;
    type: 'counter';
    next: number;
    _etag?: string;
}

/** The SDK sends a batch operation's partition key as given; the local server wants it per operation. */
const inPartition = { partitionKey: PARTITION } as const;

/**
 * Tickets and their notice outbox in Cosmos DB. Every ticket write is a transactional batch whose
 * first operation is conditional (the ticket's eTag, or the counter's), so a lost race writes
 * nothing, notices included.
 */
export class CosmosTicketStore implements TicketStore {
    private readonly client: CosmosClient;
    private readonly container: () => Promise<Container>;
    /** Creates in this process take turns on the counter instead of racing for it. */
    private creating: Promise<unknown> = Promise.resolve();

    constructor(settings: CosmosSettings) {
        this.client = createCosmosClient(settings);
        this.container = lazyContainer(this.client, settings.database, {
            id: TICKETS_CONTAINER,
            partitionKey: { paths: ['/pk'] },
            indexingPolicy: {
                // Queries use the top-level fields only; the embedded ticket (history, transcript) is not indexed.
                includedPaths: [{ path: '/*' }],
                excludedPaths: [{ path: '/ticket/*' }],
                compositeIndexes: [
                    [
                        { path: '/createdAt', order: 'descending' },
                        { path: '/number', order: 'descending' },
                    ],
                    [
                        { path: '/createdAt', order: 'ascending' },
                        { path: '/seq', order: 'ascending' },
                    ],
                ],
            },
        });
    }

    create(ticket: NewTicket, notices: NoticeDraft[]): Promise<Ticket> {
        const created = this.creating.then(() => this.createNow(ticket, notices));
        this.creating = created.catch(() => undefined);
        return created;
    }

    async get(id: string): Promise<Ticket | undefined> {
        const item = await this.readItem<TicketItem>(id);
        return item?.type === 'ticket' ? toTicket(item) : undefined;
    }

    async getByNumber(number: number): Promise<Ticket | undefined> {
        return (await this.tickets('c.number = @value', [{ name: '@value', value: number }]))[0];
    }

    async findByStaffConversation(conversationId: string): Promise<Ticket | undefined> {
        return (await this.tickets('c.staffConversationId = @value', [{ name: '@value', value: conversationId }]))[0];
    }

    async update(ticket: Ticket, notices: NoticeDraft[]): Promise<Ticket> {
        // No re-read for the number: the eTag matches only the very version the caller read it from.
        const { eTag, ...document } = ticket;
        const results = await this.batch(
            [{ operationType: 'Replace', id: ticket.id, ifMatch: eTag, resourceBody: json(ticketItem(document)), ...inPartition }, ...noticeOperations(ticket, notices)],
            `ticket/${ticket.id}`,
        );
        return { ...document, eTag: results[0].eTag! };
    }

    async listByRequester(userId: string): Promise<Ticket[]> {
        return this.tickets('c.requesterId = @value', [{ name: '@value', value: userId }]);
    }

    async list(statuses?: readonly TicketStatus[]): Promise<Ticket[]> {
        if (!statuses) return this.tickets('true', []);
        if (statuses.length === 0) return [];
        return this.tickets('ARRAY_CONTAINS(@value, c.status)', [{ name: '@value', value: [...statuses] }]);
    }

    async pendingNotices(now: number, limit: number): Promise<Notice[]> {
        const top = Math.max(0, Math.floor(limit));
        if (top === 0) return [];
        const items = await this.query<NoticeItem>(
            `SELECT TOP ${top} * FROM c WHERE c.pk = @pk AND c.type = 'notice' AND c.delivered = false
             AND (NOT IS_DEFINED(c.failedAt) OR IS_NULL(c.failedAt)) AND c.notBefore <= @now ORDER BY c.createdAt, c.seq`,
            [{ name: '@now', value: now }],
        );
        return items.map(toNotice);
    }

    async giveUpNotice(noticeId: string, failedAt: number, failure: string): Promise<void> {
        await this.changeNotice(noticeId, (notice) =>
            notice.delivered || typeof notice.failedAt === 'number' ? undefined : { ...notice, attempts: notice.attempts + 1, failedAt, failure, leaseOwner: null, leaseUntil: 0 },
        );
    }

    async failedNotices(): Promise<FailedNotice[]> {
        const items = await this.query<NoticeItem>("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'notice' AND IS_NUMBER(c.failedAt)", []);
        return items.map((item): FailedNotice => ({ ...toNotice(item), failedAt: item.failedAt ?? 0, failure: item.failure ?? '' })).sort((a, b) => b.failedAt - a.failedAt);
    }

    async markDelivered(noticeId: string): Promise<void> {
        await this.changeNotice(noticeId, (notice) => (notice.delivered ? undefined : { ...notice, delivered: true }));
    }

    async postpone(noticeId: string, notBefore: number): Promise<void> {
        await this.changeNotice(noticeId, (notice) => (notice.delivered ? undefined : { ...notice, attempts: notice.attempts + 1, notBefore, leaseOwner: null, leaseUntil: 0 }));
    }

    async claimNotice(noticeId: string, owner: string, until: number, now: number): Promise<boolean> {
        const notice = await this.readItem<NoticeItem>(noticeId);
        if (!notice || notice.type !== 'notice' || notice.delivered || typeof notice.failedAt === 'number') return false;
        if (notice.leaseOwner && notice.leaseOwner !== owner && notice.leaseUntil > now) return false;
        try {
            await this.replace({ ...notice, leaseOwner: owner, leaseUntil: until }, notice._etag!);
            return true;
        } catch (error) {
            if (error instanceof ETagConflictError) return false;
            throw error;
        }
    }

    // Renewal reminders --------------------------------------------------------------------------

    async saveRenewalReminder(reminder: RenewalReminder, notices: RenewalNoticeDraft[]): Promise<void> {
        const stale = await this.query<{ id: string }>("SELECT c.id FROM c WHERE c.pk = @pk AND c.type = 'notice' AND c.ticketId = @id AND c.delivered = false", [{ name: '@id', value: reminder.id }]);
        const item: RenewalReminderItem = { id: reminder.id, pk: PARTITION, type: 'renewalReminder', userId: reminder.userId, createdAt: reminder.createdAt, reminder };
        const written = Date.now() * 1000;
        const upsert: OperationInput = { operationType: 'Upsert', resourceBody: json(item), ...inPartition };
        await this.batch(
            [
                upsert,
                ...stale.map(({ id }): OperationInput => ({ operationType: 'Delete', id, ...inPartition })),
                ...notices.map((notice, index): OperationInput => {
                    const noticeItem: NoticeItem = {
                        id: randomUUID(),
                        pk: PARTITION,
                        type: 'notice',
                        ticketId: reminder.id,
                        target: notice.target,
                        historyIndex: notice.stage,
                        createdAt: notice.notBefore,
                        seq: written + index,
                        attempts: 0,
                        notBefore: notice.notBefore,
                        delivered: false,
                        leaseOwner: null,
                        leaseUntil: 0,
                    };
                    return { operationType: 'Create', resourceBody: json(noticeItem), ...inPartition };
                }),
            ].slice(0, MAX_BATCH),
            `renewalReminder/${reminder.id}`,
        );
    }

    async getRenewalReminder(id: string): Promise<RenewalReminder | undefined> {
        const item = await this.readItem<RenewalReminderItem>(id);
        return item?.type === 'renewalReminder' ? item.reminder : undefined;
    }

    async listRenewalReminders(userId: string): Promise<RenewalReminder[]> {
        const items = await this.query<RenewalReminderItem>("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'renewalReminder' AND c.userId = @userId ORDER BY c.createdAt", [{ name: '@userId', value: userId }]);
        return items.map((item) => item.reminder);
    }

    async listRenewalRemindersByEmail(email: string): Promise<RenewalReminder[]> {
        const items = await this.query<RenewalReminderItem>("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'renewalReminder' AND c.reminder.email = @email ORDER BY c.createdAt", [
            { name: '@email', value: email },
        ]);
        return items.map((item) => item.reminder);
    }

    async listAllRenewalReminders(): Promise<RenewalReminder[]> {
        const items = await this.query<RenewalReminderItem>("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'renewalReminder' ORDER BY c.createdAt", []);
        return items.map((item) => item.reminder);
    }

    async updateRenewalReminder(reminder: RenewalReminder): Promise<void> {
        for (;;) {
            const item = await this.readItem<RenewalReminderItem>(reminder.id);
            if (item?.type !== 'renewalReminder') return;
            try {
                return await this.replace({ ...item, userId: reminder.userId, reminder }, item._etag!);
            } catch (error) {
                if (!(error instanceof ETagConflictError)) throw error;
            }
        }
    }

    async renewalNoticesLeft(id: string): Promise<number> {
        const items = await this.query<{ id: string }>(
            "SELECT c.id FROM c WHERE c.pk = @pk AND c.type = 'notice' AND c.ticketId = @id AND c.delivered = false AND (NOT IS_DEFINED(c.failedAt) OR IS_NULL(c.failedAt))",
            [{ name: '@id', value: id }],
        );
        return items.length;
    }

    async deleteRenewalReminder(id: string): Promise<void> {
        const notices = await this.query<{ id: string }>("SELECT c.id FROM c WHERE c.pk = @pk AND c.type = 'notice' AND c.ticketId = @id", [{ name: '@id', value: id }]);
        const container = await this.container();
        for (const { id: noticeId } of [...notices, { id }]) {
            await withRetry(async () => {
                try {
                    await container.item(noticeId, PARTITION).delete();
                } catch (error) {
                    if (statusOf(error) !== 404) throw error;
                }
            }, noticeId);
        }
    }

    async deleteClosedBefore(cutoff: number): Promise<number> {
        const closed = await this.query<TicketItem>("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'ticket' AND ARRAY_CONTAINS(@closed, c.status) AND c.updatedAt < @cutoff", [
            { name: '@closed', value: [...CLOSED] },
            { name: '@cutoff', value: cutoff },
        ]);
        let deleted = 0;
        for (const ticket of closed) {
            const notices = await this.query<{ id: string }>("SELECT c.id FROM c WHERE c.pk = @pk AND c.type = 'notice' AND c.ticketId = @ticketId", [{ name: '@ticketId', value: ticket.id }]);
            const deletes = notices.map(({ id }): OperationInput => ({ operationType: 'Delete', id, ...inPartition }));
            try {
                // Conditional on the ticket: one reopened meanwhile is kept, with its notices.
                await this.batch(
                    [
                        // The SDK's types omit ifMatch on Delete; it sends the operation as given and the batch API honours it.
                        { operationType: 'Delete', id: ticket.id, ifMatch: ticket._etag, ...inPartition } as OperationInput,
                        ...deletes.slice(0, MAX_BATCH - 1),
                    ],
                    `ticket/${ticket.id}`,
                );
                deleted++;
            } catch (error) {
                if (!(error instanceof ETagConflictError)) throw error;
                continue;
            }
            // A batch holds at most 100 operations; the rest of a long ticket's (delivered) notices follow.
            for (let start = MAX_BATCH - 1; start < deletes.length; start += MAX_BATCH) await this.batch(deletes.slice(start, start + MAX_BATCH), `ticket/${ticket.id}`);
        }
        return deleted;
    }

    async ping(): Promise<void> {
        const container = await this.container();
        await withRetry(() => container.read(), TICKETS_CONTAINER);
    }

    close(): Promise<void> {
        this.client.dispose();
        return Promise.resolve();
    }

    private createNow(ticket: NewTicket, notices: NoticeDraft[]): Promise<Ticket> {
        // Another instance may take the number we read: the counter write is conditional, so read again.
        return retryRaces(
            async () => {
                const counter = await this.readItem<CounterItem>(COUNTER_ID);
                const number = counter?.next ?? FIRST_TICKET_NUMBER;
                const stored: Ticket = { ...ticket, id: randomUUID(), number, eTag: '' };
                const { eTag: _unused, ...document } = stored;
                const counterOperation: OperationInput = counter
                    ? { operationType: 'Replace', id: COUNTER_ID, ifMatch: counter._etag, resourceBody: { ...counter, next: number + 1 }, ...inPartition }
                    : { operationType: 'Create', resourceBody: { id: COUNTER_ID, pk: PARTITION, type: 'counter', next: number + 1 }, ...inPartition };
                const results = await this.batch([counterOperation, { operationType: 'Create', resourceBody: json(ticketItem(document)), ...inPartition }, ...noticeOperations(stored, notices)], COUNTER_ID);
                return { ...document, eTag: results[1].eTag! };
            },
            (error) => error instanceof ETagConflictError,
            () => new StoreUnavailableError('Ticket store: could not allocate a ticket number'),
        );
    }

    private async tickets(condition: string, parameters: SqlParameter[]): Promise<Ticket[]> {
        const items = await this.query<TicketItem>(`SELECT * FROM c WHERE c.pk = @pk AND c.type = 'ticket' AND ${condition} ORDER BY c.createdAt DESC, c.number DESC`, parameters);
        return items.map(toTicket);
    }

    /** The partition is also in the WHERE clause: the query then means the same on any server. */
    private async query<T>(query: string, parameters: SqlParameter[]): Promise<T[]> {
        const container = await this.container();
        const { resources } = await withRetry(
            () => container.items.query<T>({ query, parameters: [{ name: '@pk', value: PARTITION }, ...parameters] }, { partitionKey: PARTITION }).fetchAll(),
            TICKETS_CONTAINER,
        );
        return resources;
    }

    private async readItem<T extends ItemDefinition>(id: string): Promise<T | undefined> {
        const container = await this.container();
        return withRetry(async () => {
            try {
                return (await container.item(id, PARTITION).read<T>()).resource;
            } catch (error) {
                if (statusOf(error) === 404) return undefined;
                throw error;
            }
        }, id);
    }

    private async replace<T extends { id: string }>(item: T, eTag: string): Promise<void> {
        const container = await this.container();
        await withRetry(() => container.item(item.id, PARTITION).replace(item, { accessCondition: { type: 'IfMatch', condition: eTag } }), item.id);
    }

    /** Re-reads and re-applies on a lost race; `change` answers undefined when nothing is to be done. */
    private async changeNotice(noticeId: string, change: (notice: NoticeItem) => NoticeItem | undefined): Promise<void> {
        for (;;) {
            const notice = await this.readItem<NoticeItem>(noticeId);
            const next = notice?.type === 'notice' ? change(notice) : undefined;
            if (!notice || !next) return;
            try {
                return await this.replace(next, notice._etag!);
            } catch (error) {
                if (!(error instanceof ETagConflictError)) throw error;
            }
        }
    }

    /** A failed first (conditional) operation means a lost race; any other failure, an unavailable store. */
    private async batch(operations: OperationInput[], key: string): Promise<OperationResponse[]> {
        return transactionalBatch(await this.container(), PARTITION, operations, key, 'Ticket store');
    }
}

function ticketItem(ticket: TicketDocument): TicketItem {
    return {
        id: ticket.id,
        pk: PARTITION,
        type: 'ticket',
        number: ticket.number,
        requesterId: ticket.requester.id,
        staffConversationId: ticket.staffThread?.conversationId ?? null,
        status: ticket.status,
        createdAt: ticket.createdAt,
        updatedAt: ticket.updatedAt,
        ticket,
    };
}

/** Notices tell about the change that caused them, so they carry that change's time. */
function noticeOperations(ticket: Ticket, notices: NoticeDraft[]): OperationInput[] {
    const written = Date.now() * 1000;
    return notices.map((notice, index): OperationInput => {
        const item: NoticeItem = {
            id: randomUUID(),
            pk: PARTITION,
            type: 'notice',
            ticketId: ticket.id,
            target: notice.target,
            historyIndex: notice.historyIndex,
            createdAt: ticket.updatedAt,
            seq: written + index,
            attempts: 0,
            notBefore: ticket.updatedAt,
            delivered: false,
            leaseOwner: null,
            leaseUntil: 0,
        };
        return { operationType: 'Create', resourceBody: json(item), ...inPartition };
    });
}

/** Our items are plain JSON; the SDK's type just cannot see that through the ticket's interfaces. */
function json(item: object): JSONObject {
    return item as JSONObject;
}

function toNotice({ id, ticketId, target, historyIndex, createdAt, attempts, notBefore }: NoticeItem): Notice {
    return { id, ticketId, target, historyIndex, createdAt, attempts, notBefore };
}

function toTicket(item: TicketItem): Ticket {
    return { ...item.ticket, eTag: item._etag! };
}
