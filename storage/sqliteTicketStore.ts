import { randomUUID } from 'crypto';
import Database from 'better-sqlite3';
import type { FailedNotice, NewTicket, Notice, NoticeDraft, Ticket, TicketStatus } from '../tickets/ticket';
import type { TicketStore } from '../tickets/ticketStore';
import type { RenewalNoticeDraft, RenewalReminder } from '../renewals/renewalReminder';
import { migrateUnlessColumn, openSqlite, settleSqlite } from './openSqlite';
import { ETagConflictError } from '../core/errors';

const FIRST_TICKET_NUMBER = 1001;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tickets (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    requester_id TEXT NOT NULL,
    staff_conversation_id TEXT,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    etag TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tickets_requester ON tickets (requester_id, created_at);
CREATE INDEX IF NOT EXISTS tickets_staff_conversation ON tickets (staff_conversation_id);
CREATE INDEX IF NOT EXISTS tickets_status ON tickets (status, created_at);
CREATE INDEX IF NOT EXISTS tickets_updated ON tickets (updated_at);
CREATE TABLE IF NOT EXISTS notices (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    ticket_id TEXT NOT NULL REFERENCES tickets (id),
    target TEXT NOT NULL,
    history_index INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before INTEGER NOT NULL,
    delivered_at INTEGER
);
CREATE INDEX IF NOT EXISTS notices_pending ON notices (created_at, seq) WHERE delivered_at IS NULL;
CREATE INDEX IF NOT EXISTS notices_ticket ON notices (ticket_id);
CREATE TABLE IF NOT EXISTS renewal_reminders (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS renewal_reminders_user ON renewal_reminders (user_id, created_at);
CREATE TABLE IF NOT EXISTS renewal_notices (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    ticket_id TEXT NOT NULL REFERENCES renewal_reminders (id) ON DELETE CASCADE,
    target TEXT NOT NULL,
    history_index INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before INTEGER NOT NULL,
    delivered_at INTEGER,
    lease_owner TEXT,
    lease_until INTEGER NOT NULL DEFAULT 0,
    failed_at INTEGER,
    failure TEXT
);
CREATE INDEX IF NOT EXISTS renewal_notices_pending ON renewal_notices (not_before) WHERE delivered_at IS NULL;
CREATE INDEX IF NOT EXISTS renewal_notices_reminder ON renewal_notices (ticket_id);
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    next INTEGER NOT NULL
);
`;

interface TicketRow {
    document: string;
    etag: string;
}

interface NoticeRow {
    id: string;
    ticket_id: string;
    target: Notice['target'];
    history_index: number;
    created_at: number;
    attempts: number;
    not_before: number;
}

type TicketDocument = Omit<Ticket, 'eTag'>;

const TICKET_COLUMNS = 'SELECT document, etag FROM tickets';
const NEWEST_FIRST = 'ORDER BY created_at DESC, number DESC';

/**
 * Tickets and their notice outbox in one SQLite file (WAL) of their own. Each write is one
 * IMMEDIATE transaction, so several bot processes sharing the file serialise cleanly and a
 * kill -9 keeps either the whole change (ticket, counter, notices) or none of it.
 */
export class SqliteTicketStore implements TicketStore {
    private readonly db: Database.Database;

    constructor(file: string) {
        this.db = openSqlite(file);
        this.db.exec('PRAGMA foreign_keys = ON');
        this.db.exec(SCHEMA);
        this.addLeaseColumns();
        this.addFailureColumns();
        this.db.prepare('INSERT OR IGNORE INTO counters (name, next) VALUES (?, ?)').run('ticketNumber', FIRST_TICKET_NUMBER);
    }

    create(ticket: NewTicket, notices: NoticeDraft[]): Promise<Ticket> {
        return this.settle(() =>
            this.db
                .transaction(() => {
                    // Allocated in the insert's transaction: a rolled-back create leaves no gap.
                    const { next: number } = this.db.prepare<[], { next: number }>("SELECT next FROM counters WHERE name = 'ticketNumber'").get()!;
                    this.db.prepare("UPDATE counters SET next = next + 1 WHERE name = 'ticketNumber'").run();
                    const stored: Ticket = { ...ticket, id: randomUUID(), number, eTag: randomUUID() };
                    this.db
                        .prepare(
                            `INSERT INTO tickets (id, number, requester_id, staff_conversation_id, status, created_at, updated_at, etag, document)
                 VALUES (@id, @number, @requesterId, @staffConversationId, @status, @createdAt, @updatedAt, @eTag, @document)`,
                        )
                        .run({ ...this.indexedColumns(stored), number, createdAt: stored.createdAt });
                    this.insertNotices(stored, notices);
                    return stored;
                })
                .immediate(),
        );
    }

    get(id: string): Promise<Ticket | undefined> {
        return this.settle(() => this.one(`${TICKET_COLUMNS} WHERE id = ?`, id));
    }

    getByNumber(number: number): Promise<Ticket | undefined> {
        return this.settle(() => this.one(`${TICKET_COLUMNS} WHERE number = ?`, number));
    }

    findByStaffConversation(conversationId: string): Promise<Ticket | undefined> {
        return this.settle(() => this.one(`${TICKET_COLUMNS} WHERE staff_conversation_id = ?`, conversationId));
    }

    update(ticket: Ticket, notices: NoticeDraft[]): Promise<Ticket> {
        return this.settle(() =>
            this.db
                .transaction(() => {
                    const current = this.db.prepare<[string], { etag: string; number: number }>('SELECT etag, number FROM tickets WHERE id = ?').get(ticket.id);
                    if (!current || current.etag !== ticket.eTag) throw new ETagConflictError(`ticket/${ticket.id}`);
                    // The number is the ticket's identity for people: an update cannot change it.
                    const stored: Ticket = { ...ticket, number: current.number, eTag: randomUUID() };
                    this.db
                        .prepare(
                            `UPDATE tickets SET requester_id = @requesterId, staff_conversation_id = @staffConversationId, status = @status,
                 updated_at = @updatedAt, etag = @eTag, document = @document WHERE id = @id`,
                        )
                        .run(this.indexedColumns(stored));
                    this.insertNotices(stored, notices);
                    return stored;
                })
                .immediate(),
        );
    }

    listByRequester(userId: string): Promise<Ticket[]> {
        return this.settle(() => this.many(`${TICKET_COLUMNS} WHERE requester_id = ? ${NEWEST_FIRST}`, userId));
    }

    list(statuses?: readonly TicketStatus[]): Promise<Ticket[]> {
        return this.settle(() => {
            if (!statuses) return this.many(`${TICKET_COLUMNS} ${NEWEST_FIRST}`);
            if (statuses.length === 0) return [];
            return this.many(`${TICKET_COLUMNS} WHERE status IN (${statuses.map(() => '?').join(', ')}) ${NEWEST_FIRST}`, ...statuses);
        });
    }

    pendingNotices(now: number, limit: number): Promise<Notice[]> {
        return this.settle(() =>
            this.db
                .prepare<[number, number, number], NoticeRow>(
                    // Renewal reminders' notices share the outbox in a table of their own.
                    `SELECT id, ticket_id, target, history_index, created_at, attempts, not_before FROM (
                    SELECT id, ticket_id, target, history_index, created_at, attempts, not_before, seq FROM notices
                    WHERE delivered_at IS NULL AND failed_at IS NULL AND not_before <= ?
                    UNION ALL
                    SELECT id, ticket_id, target, history_index, created_at, attempts, not_before, seq FROM renewal_notices
                    WHERE delivered_at IS NULL AND failed_at IS NULL AND not_before <= ?
                 ) ORDER BY created_at, seq LIMIT ?`,
                )
                .all(now, now, Math.max(0, Math.floor(limit)))
                .map(toNotice),
        );
    }

    giveUpNotice(noticeId: string, failedAt: number, failure: string): Promise<void> {
        return this.settle(() => {
            this.eitherOutbox(
                (table) => `UPDATE ${table} SET attempts = attempts + 1, failed_at = ?, failure = ?, lease_owner = NULL, lease_until = 0
                 WHERE id = ? AND delivered_at IS NULL AND failed_at IS NULL`,
                failedAt,
                failure,
                noticeId,
            );
        });
    }

    failedNotices(): Promise<FailedNotice[]> {
        return this.settle(() =>
            this.db
                .prepare<[], NoticeRow & { failed_at: number; failure: string | null }>(
                    `SELECT id, ticket_id, target, history_index, created_at, attempts, not_before, failed_at, failure FROM (
                    SELECT id, ticket_id, target, history_index, created_at, attempts, not_before, failed_at, failure, seq FROM notices WHERE failed_at IS NOT NULL
                    UNION ALL
                    SELECT id, ticket_id, target, history_index, created_at, attempts, not_before, failed_at, failure, seq FROM renewal_notices WHERE failed_at IS NOT NULL
                 ) ORDER BY failed_at DESC, seq DESC`,
                )
                .all()
                .map((row) => ({ ...toNotice(row), failedAt: row.failed_at, failure: row.failure ?? '' })),
        );
    }

    markDelivered(noticeId: string): Promise<void> {
        return this.settle(() => {
            this.eitherOutbox((table) => `UPDATE ${table} SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL`, Date.now(), noticeId);
        });
    }

    postpone(noticeId: string, notBefore: number): Promise<void> {
        return this.settle(() => {
            this.eitherOutbox((table) => `UPDATE ${table} SET attempts = attempts + 1, not_before = ?, lease_owner = NULL, lease_until = 0 WHERE id = ? AND delivered_at IS NULL`, notBefore, noticeId);
        });
    }

    claimNotice(noticeId: string, owner: string, until: number, now: number): Promise<boolean> {
        return this.settle(
            () =>
                this.eitherOutbox(
                    (table) => `UPDATE ${table} SET lease_owner = ?, lease_until = ?
             WHERE id = ? AND delivered_at IS NULL AND failed_at IS NULL AND (lease_owner IS NULL OR lease_owner = ? OR lease_until <= ?)`,
                    owner,
                    until,
                    noticeId,
                    owner,
                    now,
                ) === 1,
        );
    }

    // Renewal reminders --------------------------------------------------------------------------

    saveRenewalReminder(reminder: RenewalReminder, notices: RenewalNoticeDraft[]): Promise<void> {
        return this.settle(() =>
            this.db
                .transaction(() => {
                    this.db
                        .prepare('INSERT INTO renewal_reminders (id, user_id, created_at, document) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET document = excluded.document')
                        .run(reminder.id, reminder.userId, reminder.createdAt, JSON.stringify(reminder));
                    this.db.prepare('DELETE FROM renewal_notices WHERE ticket_id = ? AND delivered_at IS NULL').run(reminder.id);
                    const insert = this.db.prepare('INSERT INTO renewal_notices (id, ticket_id, target, history_index, created_at, not_before) VALUES (?, ?, ?, ?, ?, ?)');
                    for (const notice of notices) insert.run(randomUUID(), reminder.id, notice.target, notice.stage, notice.notBefore, notice.notBefore);
                })
                .immediate(),
        );
    }

    getRenewalReminder(id: string): Promise<RenewalReminder | undefined> {
        return this.settle(() => {
            const row = this.db.prepare<[string], { document: string }>('SELECT document FROM renewal_reminders WHERE id = ?').get(id);
            return row && (JSON.parse(row.document) as RenewalReminder);
        });
    }

    listRenewalReminders(userId: string): Promise<RenewalReminder[]> {
        return this.settle(() =>
            this.db
                .prepare<[string], { document: string }>('SELECT document FROM renewal_reminders WHERE user_id = ? ORDER BY created_at')
                .all(userId)
                .map((row) => JSON.parse(row.document) as RenewalReminder),
        );
    }

    listRenewalRemindersByEmail(email: string): Promise<RenewalReminder[]> {
        return this.settle(() =>
            this.db
                .prepare<[string], { document: string }>("SELECT document FROM renewal_reminders WHERE json_extract(document, '$.email') = ? ORDER BY created_at")
                .all(email)
                .map((row) => JSON.parse(row.document) as RenewalReminder),
        );
    }

    listAllRenewalReminders(): Promise<RenewalReminder[]> {
        return this.settle(() =>
            this.db
                .prepare<[], { document: string }>('SELECT document FROM renewal_reminders ORDER BY created_at')
                .all()
                .map((row) => JSON.parse(row.document) as RenewalReminder),
        );
    }

    updateRenewalReminder(reminder: RenewalReminder): Promise<void> {
        return this.settle(() => {
            this.db.prepare('UPDATE renewal_reminders SET user_id = ?, document = ? WHERE id = ?').run(reminder.userId, JSON.stringify(reminder), reminder.id);
        });
    }

    renewalNoticesLeft(id: string): Promise<number> {
        return this.settle(
            () => this.db.prepare<[string], { left: number }>('SELECT COUNT(*) AS left FROM renewal_notices WHERE ticket_id = ? AND delivered_at IS NULL AND failed_at IS NULL').get(id)?.left ?? 0,
        );
    }

    deleteRenewalReminder(id: string): Promise<void> {
        return this.settle(() =>
            this.db
                .transaction(() => {
                    this.db.prepare('DELETE FROM renewal_notices WHERE ticket_id = ?').run(id);
                    this.db.prepare('DELETE FROM renewal_reminders WHERE id = ?').run(id);
                })
                .immediate(),
        );
    }

    /** A notice by id is a ticket's or a renewal reminder's: the statement runs on the table that has it. */
    private eitherOutbox(sql: (table: string) => string, ...params: unknown[]): number {
        const changes = this.db.prepare(sql('notices')).run(...params).changes;
        return changes > 0 ? changes : this.db.prepare(sql('renewal_notices')).run(...params).changes;
    }

    deleteClosedBefore(cutoff: number): Promise<number> {
        return this.settle(() =>
            this.db
                .transaction(() => {
                    const closed = "status IN ('resolved', 'withdrawn') AND updated_at < ?";
                    this.db.prepare(`DELETE FROM notices WHERE ticket_id IN (SELECT id FROM tickets WHERE ${closed})`).run(cutoff);
                    return this.db.prepare(`DELETE FROM tickets WHERE ${closed}`).run(cutoff).changes;
                })
                .immediate(),
        );
    }

    ping(): Promise<void> {
        return this.settle(() => {
            this.db.prepare('SELECT 1').get();
        });
    }

    close(): Promise<void> {
        if (this.db.open) this.db.close();
        return Promise.resolve();
    }

    /** Files written before instances shared an outbox have no claim columns yet. */
    private addLeaseColumns(): void {
        this.addNoticeColumns('lease_owner', 'ALTER TABLE notices ADD COLUMN lease_owner TEXT; ALTER TABLE notices ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;');
    }

    /** Files written before the outbox gave up on notices have no failure columns yet. */
    private addFailureColumns(): void {
        this.addNoticeColumns('failed_at', 'ALTER TABLE notices ADD COLUMN failed_at INTEGER; ALTER TABLE notices ADD COLUMN failure TEXT;');
    }

    /** Runs `alter` unless the notices table already has `column`. */
    private addNoticeColumns(column: string, alter: string): void {
        migrateUnlessColumn(this.db, 'notices', column, () => this.db.exec(alter));
    }

    private indexedColumns(ticket: Ticket) {
        const { eTag, ...document } = ticket;
        return {
            id: ticket.id,
            requesterId: ticket.requester.id,
            staffConversationId: ticket.staffThread?.conversationId ?? null,
            status: ticket.status,
            updatedAt: ticket.updatedAt,
            eTag,
            document: JSON.stringify(document),
        };
    }

    /** Notices tell about the change that caused them, so they carry that change's time. */
    private insertNotices(ticket: Ticket, notices: NoticeDraft[]): void {
        const insert = this.db.prepare('INSERT INTO notices (id, ticket_id, target, history_index, created_at, attempts, not_before) VALUES (?, ?, ?, ?, ?, 0, ?)');
        for (const notice of notices) insert.run(randomUUID(), ticket.id, notice.target, notice.historyIndex, ticket.updatedAt, ticket.updatedAt);
    }

    private one(sql: string, ...params: unknown[]): Ticket | undefined {
        const row = this.db.prepare<unknown[], TicketRow>(sql).get(...params);
        return row && toTicket(row);
    }

    private many(sql: string, ...params: unknown[]): Ticket[] {
        return this.db
            .prepare<unknown[], TicketRow>(sql)
            .all(...params)
            .map(toTicket);
    }

    /**
     * Runs the synchronous SQLite work and settles the promise the TicketStore interface returns:
     * a failure is a rejection, never a synchronous throw. Callers tell a lost race (retry with a
     * fresh read) from a store that cannot answer (retry later).
     */
    private settle<T>(work: () => T): Promise<T> {
        return settleSqlite('Ticket store', work, (error) => error instanceof ETagConflictError);
    }
}

function toNotice(row: NoticeRow): Notice {
    return {
        id: row.id,
        ticketId: row.ticket_id,
        target: row.target,
        historyIndex: row.history_index,
        createdAt: row.created_at,
        attempts: row.attempts,
        notBefore: row.not_before,
    };
}

function toTicket(row: TicketRow): Ticket {
    return { ...(JSON.parse(row.document) as TicketDocument), eTag: row.etag };
}
