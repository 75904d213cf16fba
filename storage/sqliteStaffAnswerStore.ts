import { randomUUID } from 'crypto';
import type Database from 'better-sqlite3';
import { ETagConflictError } from '../core/errors';
import type { NewStaffAnswer, StaffAnswer, StaffAnswerStore } from '../understanding/staffAnswers';
import { openSqlite, settleSqlite } from './openSqlite';

/** Its file in DATA_DIR (createStores opens it; `npm run answers` looks whether it exists). */
export const ANSWERS_FILE = 'answers.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS staff_answers (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    etag TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS staff_answers_version (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    version INTEGER NOT NULL
);
INSERT OR IGNORE INTO staff_answers_version (only, version) VALUES (1, 0);
`;

type Body = Omit<StaffAnswer, 'eTag'>;

/**
 * Staff answers in a SQLite file (WAL) of their own: each answer one row (its JSON), and one
 * version number moved on in the same IMMEDIATE transaction as every write, which instances poll
 * (several bot processes on one file serialise their writes).
 */
export class SqliteStaffAnswerStore implements StaffAnswerStore {
    private readonly db: Database.Database;
    private readonly insert: Database.Statement<[string, number, string, string]>;
    private readonly replace: Database.Statement<[string, string, string, string]>;
    private readonly byId: Database.Statement<[string], { etag: string; body: string }>;
    private readonly byNumber: Database.Statement<[number], { etag: string; body: string }>;
    private readonly all: Database.Statement<[], { etag: string; body: string }>;
    private readonly nextNumber: Database.Statement<[], { next: number }>;
    private readonly bump: Database.Statement<[]>;
    private readonly current: Database.Statement<[], { version: number }>;
    private readonly ping_: Database.Statement<[], { one: number }>;

    constructor(file: string) {
        this.db = openSqlite(file);
        this.db.exec(SCHEMA);
        this.insert = this.db.prepare('INSERT INTO staff_answers (id, number, etag, body) VALUES (?, ?, ?, ?)');
        this.replace = this.db.prepare('UPDATE staff_answers SET etag = ?, body = ? WHERE id = ? AND etag = ?');
        this.byId = this.db.prepare('SELECT etag, body FROM staff_answers WHERE id = ?');
        this.byNumber = this.db.prepare('SELECT etag, body FROM staff_answers WHERE number = ?');
        this.all = this.db.prepare('SELECT etag, body FROM staff_answers ORDER BY number');
        this.nextNumber = this.db.prepare('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM staff_answers');
        this.bump = this.db.prepare('UPDATE staff_answers_version SET version = version + 1 WHERE only = 1');
        this.current = this.db.prepare('SELECT version FROM staff_answers_version WHERE only = 1');
        this.ping_ = this.db.prepare('SELECT 1 AS one');
    }

    create(answer: NewStaffAnswer): Promise<StaffAnswer> {
        return this.settle(() =>
            this.db
                .transaction(() => {
                    const number = this.nextNumber.get()!.next;
                    const stored: Body = { ...answer, id: randomUUID(), number };
                    const eTag = randomUUID();
                    this.insert.run(stored.id, number, eTag, JSON.stringify(stored));
                    this.bump.run();
                    return { ...stored, eTag };
                })
                .immediate(),
        );
    }

    get(id: string): Promise<StaffAnswer | undefined> {
        return this.settle(() => fromRow(this.byId.get(id)));
    }

    getByNumber(number: number): Promise<StaffAnswer | undefined> {
        return this.settle(() => fromRow(this.byNumber.get(number)));
    }

    update(answer: StaffAnswer): Promise<StaffAnswer> {
        const { eTag, ...body } = answer;
        return this.settle(
            () =>
                this.db
                    .transaction(() => {
                        const next = randomUUID();
                        if (this.replace.run(next, JSON.stringify(body), answer.id, eTag).changes !== 1) throw new ETagConflictError(`staffAnswer/${answer.id}`);
                        this.bump.run();
                        return { ...body, eTag: next };
                    })
                    .immediate(),
            (error): error is Error => error instanceof ETagConflictError,
        );
    }

    list(): Promise<StaffAnswer[]> {
        return this.settle(() => this.all.all().map((row) => fromRow(row)!));
    }

    version(): Promise<number> {
        return this.settle(() => this.current.get()!.version);
    }

    ping(): Promise<void> {
        return this.settle(() => {
            this.ping_.get();
        });
    }

    close(): Promise<void> {
        if (this.db.open) this.db.close();
        return Promise.resolve();
    }

    private settle<T>(work: () => T, keep?: (error: unknown) => error is Error): Promise<T> {
        return settleSqlite('Staff answer store', work, keep);
    }
}

function fromRow(row: { etag: string; body: string } | undefined): StaffAnswer | undefined {
    return row ? { ...(JSON.parse(row.body) as Body), eTag: row.etag } : undefined;
}
