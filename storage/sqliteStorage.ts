import { randomUUID } from 'crypto';
import Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
import { openSqlite } from './openSqlite';
import { ETagConflictError } from './storageErrors';

interface StateRow {
    key: string;
    document: string;
    etag: string;
}

/**
 * botbuilder `Storage` in one SQLite file (WAL): conversation and user state survive restarts
 * without any Azure service. eTag semantics match botbuilder's MemoryStorage: `*` or no eTag
 * overwrites, any other eTag must match the stored one.
 */
export class SqliteStorage implements Storage {
    private readonly db: Database.Database;

    constructor(file: string) {
        this.db = openSqlite(file);
        this.db.exec('CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, document TEXT NOT NULL, etag TEXT NOT NULL)');
    }

    async read(keys: string[]): Promise<StoreItems> {
        if (!keys) throw new ReferenceError('Keys are required when reading.');
        const select = this.db.prepare<[string], StateRow>('SELECT key, document, etag FROM bot_state WHERE key = ?');
        const items: StoreItems = {};
        for (const key of keys) {
            const row = select.get(key);
            if (row) items[key] = { ...JSON.parse(row.document), eTag: row.etag };
        }
        return items;
    }

    async write(changes: StoreItems): Promise<void> {
        if (!changes) throw new ReferenceError('Changes are required when writing.');
        const select = this.db.prepare<[string], { etag: string }>('SELECT etag FROM bot_state WHERE key = ?');
        const upsert = this.db.prepare(
            'INSERT INTO bot_state (key, document, etag) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET document = excluded.document, etag = excluded.etag',
        );
        // One transaction: a batch is written whole or not at all.
        this.db.transaction(() => {
            for (const [key, item] of Object.entries(changes)) {
                const { eTag, ...document } = item ?? {};
                const stored = select.get(key);
                if (stored && eTag && eTag !== '*' && eTag !== stored.etag) throw new ETagConflictError(key);
                upsert.run(key, JSON.stringify(document), randomUUID());
            }
        })();
    }

    async delete(keys: string[]): Promise<void> {
        if (!keys) throw new ReferenceError('Keys are required when deleting.');
        const remove = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
        this.db.transaction(() => keys.forEach((key) => remove.run(key)))();
    }

    /** Cheap round trip for `/healthz`. */
    async ping(): Promise<void> {
        this.db.prepare('SELECT 1').get();
    }

    close(): void {
        if (this.db.open) this.db.close();
    }
}
