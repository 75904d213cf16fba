import { randomUUID } from 'crypto';
import Database from 'better-sqlite3';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { migrateUnlessColumn, openSqlite, settleSqlite } from './openSqlite';
import { isIdleStateKey } from './stateRetention';
import { ETagConflictError } from '../core/errors';

interface StateRow {
    key: string;
    document: string;
    etag: string;
}

/** A stored state item without its eTag (kept in its own column), as JSON. */
type StateDocument = Record<string, unknown>;

/**
 * Synchronous SQLite work behind botbuilder's Promise-based `Storage`: a throw becomes a
 * rejection, as it would from an async method. A lost race stays an `ETagConflictError` and a
 * missing argument a `ReferenceError` (botbuilder's contract); anything SQLite itself throws (busy,
 * locked, disk full, I/O, closed) is a `StoreUnavailableError`, as Cosmos DB's failures are, so the
 * user is asked to retry and their state is left alone.
 */
function settled<T>(work: () => T): Promise<T> {
    return settleSqlite('Bot state store', work, (error) => error instanceof ETagConflictError || error instanceof ReferenceError);
}

/** A write that must find the stored eTag unchanged (botbuilder's rule: `*` or no eTag overwrites). */
const needsCheck = (eTag: unknown): boolean => (typeof eTag === 'string' ? eTag !== '' && eTag !== '*' : !!eTag);

/**
 * botbuilder `Storage` in one SQLite file (WAL): conversation and user state survive restarts
 * without any Azure service. eTag semantics match botbuilder's MemoryStorage: `*` or no eTag
 * overwrites, any other eTag must match the stored one.
 */
export class SqliteStorage implements Storage {
    private readonly db: Database.Database;
    /** Several items in one transaction (BEGIN/COMMIT, ROLLBACK on a throw), built once. */
    private readonly writeBatch: (entries: [string, StoreItem | undefined][]) => void;

    constructor(file: string) {
        this.db = openSqlite(file);
        this.db.exec('CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, document TEXT NOT NULL, etag TEXT NOT NULL)');
        this.addUpdatedAt();
        this.writeBatch = this.db.transaction((entries: [string, StoreItem | undefined][]) => {
            for (const entry of entries) this.writeEntry(entry);
        });
    }

    read(keys: string[]): Promise<StoreItems> {
        return settled(() => {
            if (!keys) throw new ReferenceError('Keys are required when reading.');
            const select = this.db.prepare<[string], StateRow>('SELECT key, document, etag FROM bot_state WHERE key = ?');
            const items: StoreItems = {};
            for (const key of keys) {
                const row = select.get(key);
                if (row) items[key] = { ...(JSON.parse(row.document) as StateDocument), eTag: row.etag };
            }
            return items;
        });
    }

    write(changes: StoreItems): Promise<void> {
        return settled(() => {
            if (!changes) throw new ReferenceError('Changes are required when writing.');
            const entries = Object.entries<StoreItem | undefined>(changes);
            // A lone overwrite (botbuilder saves state with eTag `*`) is one statement, atomic by itself;
            // anything else is one transaction: a batch is written whole or not at all.
            if (entries.length === 1 && !needsCheck(entries[0][1]?.eTag)) this.writeEntry(entries[0]);
            else this.writeBatch(entries);
        });
    }

    private writeEntry([key, item]: [string, StoreItem | undefined]): void {
        const { eTag, ...document } = item ?? {};
        // Only a definite eTag is compared with the stored one: `*` or none overwrites.
        if (needsCheck(eTag)) {
            const stored = this.db.prepare<[string], { etag: string }>('SELECT etag FROM bot_state WHERE key = ?').get(key);
            if (stored && eTag !== stored.etag) throw new ETagConflictError(key);
        }
        this.db
            .prepare(
                `INSERT INTO bot_state (key, document, etag, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT(key) DO UPDATE SET document = excluded.document, etag = excluded.etag, updated_at = excluded.updated_at`,
            )
            .run(key, JSON.stringify(document), randomUUID(), Date.now());
    }

    delete(keys: string[]): Promise<void> {
        return settled(() => {
            if (!keys) throw new ReferenceError('Keys are required when deleting.');
            const remove = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
            this.db.transaction(() => keys.forEach((key) => remove.run(key)))();
        });
    }

    /** KVKK: conversation and user state nobody wrote since `cutoff` (ms) is deleted. */
    async deleteIdleBefore(cutoff: number): Promise<number> {
        const idle = this.db
            .prepare<[number], { key: string }>('SELECT key FROM bot_state WHERE updated_at < ?')
            .all(cutoff)
            .map((row) => row.key)
            .filter(isIdleStateKey);
        await this.delete(idle);
        return idle.length;
    }

    /** Cheap round trip for `/healthz`. */
    ping(): Promise<void> {
        return settled(() => {
            this.db.prepare('SELECT 1').get();
        });
    }

    /** Files from before retention have no write time: their rows count as written when first opened here. */
    private addUpdatedAt(): void {
        migrateUnlessColumn(this.db, 'bot_state', 'updated_at', () => {
            this.db.exec('ALTER TABLE bot_state ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0');
            this.db.prepare('UPDATE bot_state SET updated_at = ?').run(Date.now());
        });
    }

    close(): void {
        if (this.db.open) this.db.close();
    }
}
