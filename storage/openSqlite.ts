import * as fs from 'fs';
import * as path from 'path';
import Database from 'better-sqlite3';

/** Opens (creating its folder) a SQLite file the way every store here needs it. */
export function openSqlite(file: string): Database.Database {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL survives a process crash (kill -9); only a power cut may lose the last commit.
    db.pragma('synchronous = NORMAL');
    // Another process (a second bot instance, `npm run tickets`) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    return db;
}
