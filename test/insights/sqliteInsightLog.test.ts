import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openSqlite } from '../../storage/openSqlite';
import { SqliteInsightLog } from '../../storage/sqliteInsightLog';
import { insightLogContract } from './insightLogContract';

describe('SQLite insight log', () => {
    insightLogContract('SQLite', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-insights-'));
        const file = path.join(dir, 'insights.sqlite');
        const log = new SqliteInsightLog(file);
        // Opened as the stores open theirs: kept for the process lifetime, because Node 24 aborts when
        // the garbage collector finalises a better-sqlite3 object (storage/openSqlite.ts).
        const raw = () => Promise.resolve(openSqlite(file, { readonly: true }).prepare('SELECT * FROM events').all() as Record<string, unknown>[]);
        return Promise.resolve({
            log,
            raw,
            close: async () => {
                await log.close();
                fs.rmSync(dir, { recursive: true, force: true });
            },
        });
    });
});
