import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Database from 'better-sqlite3';
import { SqliteInsightLog } from '../../storage/sqliteInsightLog';
import { insightLogContract } from './insightLogContract';

describe('SQLite insight log', () => {
    insightLogContract('SQLite', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-insights-'));
        const file = path.join(dir, 'insights.sqlite');
        const log = new SqliteInsightLog(file);
        const raw = () => {
            const db = new Database(file, { readonly: true });
            try {
                return Promise.resolve(db.prepare('SELECT * FROM events').all() as Record<string, unknown>[]);
            } finally {
                db.close();
            }
        };
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
