import * as fs from 'fs';
import * as path from 'path';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../core/errors';

export interface OpenOptions {
    readonly?: boolean;
}

/**
 * On Node 24, better-sqlite3 12 aborts the whole process ("RemoveEnvironmentCleanupHook …
 * (env) != nullptr") when the garbage collector finalises one of its statements at the wrong
 * moment; 13 fixes it but does not run on Node 20. So no statement may ever become garbage:
 * every database opened here, and with it every statement it prepared (its own cache below,
 * better-sqlite3's transaction statements), is kept until the process ends. The stores open a
 * handful of databases and use a fixed set of SQL texts, so this stays small.
 */
const keptForProcessLifetime = new Set<Database.Database>();

/** Opens (creating its folder) a SQLite file the way every store here needs it. */
export function openSqlite(file: string, options: OpenOptions = {}): Database.Database {
    if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file, { readonly: !!options.readonly });
    keptForProcessLifetime.add(db);
    keepPreparedStatements(db);
    if (!options.readonly) {
        // exec, not pragma(): pragma() prepares a statement and throws it away (see above).
        // WAL + NORMAL survives a process crash (kill -9); only a power cut may lose the last commit.
        // Another process (a second bot instance, `npm run tickets`) may hold the write lock briefly.
        db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000');
    }
    return db;
}

/** Each SQL text is prepared once per database and the statement kept with it. */
function keepPreparedStatements(db: Database.Database): void {
    const prepare = db.prepare.bind(db);
    const prepared = new Map<string, Database.Statement>();
    db.prepare = ((source: string) => {
        let statement = prepared.get(source);
        if (!statement) {
            statement = prepare(source);
            prepared.set(source, statement);
        }
        return statement;
    }) as typeof db.prepare;
}

/**
 * Brings a table of a file written by an earlier version up to date: runs `migrate` (its ALTER TABLE,
 * and whatever fills the new column) unless `table` already has `column`. IMMEDIATE: two processes
 * opening the same old file at once must not both add it.
 */
export function migrateUnlessColumn(db: Database.Database, table: string, column: string, migrate: () => void): void {
    db.transaction(() => {
        const present = db.prepare<[string, string], { name: string }>('SELECT name FROM pragma_table_info(?) WHERE name = ?').get(table, column);
        if (!present) migrate();
    }).immediate();
}

/**
 * Synchronous SQLite work behind the stores' Promise-based interfaces: a throw becomes a rejection,
 * as it would from an async method. What SQLite itself throws (busy, locked, disk full, I/O,
 * closed) becomes a `StoreUnavailableError` named after the store, as Cosmos DB's failures are;
 * errors for which `keep` says so (a lost eTag race, a caller's mistake) pass through unchanged.
 */
export function settleSqlite<T>(store: string, work: () => T, keep: (error: unknown) => error is Error = (_error): _error is Error => false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        try {
            resolve(work());
        } catch (error) {
            reject(keep(error) ? error : new StoreUnavailableError(`${store}: ${(error as Error).message}`, { cause: error }));
        }
    });
}
