import type Database from 'better-sqlite3';
import { eventToKeep, type InsightEvent, type InsightLog } from '../insights/insightLog';
import { openSqlite, settleSqlite } from './openSqlite';

/** Its file in DATA_DIR (createStores opens it; `npm run report` looks whether it exists). */
export const INSIGHTS_FILE = 'insights.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    kind TEXT,
    step_id TEXT,
    step_number INTEGER,
    language TEXT,
    channel TEXT,
    detail TEXT,
    visitor TEXT
);
CREATE INDEX IF NOT EXISTS events_at ON events (at, seq);
CREATE TABLE IF NOT EXISTS digests (
    key TEXT PRIMARY KEY,
    lease_owner TEXT,
    lease_until INTEGER NOT NULL DEFAULT 0,
    sent_at INTEGER
);
`;

interface EventRow {
    type: InsightEvent['type'];
    at: number;
    kind: InsightEvent['kind'] | null;
    step_id: string | null;
    step_number: number | null;
    language: InsightEvent['language'] | null;
    channel: string | null;
    detail: string | null;
    visitor: string | null;
}

const COLUMNS = 'type, at, kind, step_id, step_number, language, channel, detail, visitor';

/** Anonymous usage events in a SQLite file of their own: no column for who or which conversation. */
export class SqliteInsightLog implements InsightLog {
    private readonly db: Database.Database;
    /**
     * Many events in one transaction (all or nothing, so a retried batch is never half there
     * twice), built once: its BEGIN/COMMIT/ROLLBACK statements must live as long as the process
     * (storage/openSqlite.ts).
     */
    private readonly insertMany: (events: InsightEvent[]) => void;

    constructor(file: string) {
        this.db = openSqlite(file);
        this.db.exec(SCHEMA);
        this.insertMany = this.db.transaction((events: InsightEvent[]) => {
            for (const event of events) this.insert(event);
        });
    }

    record(event: InsightEvent): Promise<void> {
        return this.settle(() => this.insert(event));
    }

    recordMany(events: InsightEvent[]): Promise<void> {
        return this.settle(() => {
            if (events.length) this.insertMany(events);
        });
    }

    private insert(event: InsightEvent): void {
        const kept = eventToKeep(event);
        this.db
            .prepare(`INSERT INTO events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
            .run(kept.type, kept.at, kept.kind ?? null, kept.stepId ?? null, kept.stepNumber ?? null, kept.language ?? null, kept.channel ?? null, kept.detail ?? null, kept.visitor ?? null);
    }

    list(from: number, to: number): Promise<InsightEvent[]> {
        return this.settle(() =>
            this.db
                .prepare<[number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE at >= ? AND at < ? ORDER BY at, seq`)
                .all(from, to)
                .map((row) =>
                    eventToKeep({
                        type: row.type,
                        at: row.at,
                        ...(row.kind ? { kind: row.kind } : {}),
                        ...(row.step_id ? { stepId: row.step_id } : {}),
                        ...(row.step_number !== null ? { stepNumber: row.step_number } : {}),
                        ...(row.language ? { language: row.language } : {}),
                        ...(row.channel ? { channel: row.channel } : {}),
                        ...(row.detail ? { detail: row.detail } : {}),
                        ...(row.visitor ? { visitor: row.visitor } : {}),
                    }),
                ),
        );
    }

    deleteOlderThan(cutoff: number): Promise<number> {
        return this.settle(() => this.db.prepare('DELETE FROM events WHERE at < ?').run(cutoff).changes);
    }

    claimDigest(key: string, owner: string, until: number, now: number): Promise<boolean> {
        return this.settle(() =>
            this.db
                .transaction(() => {
                    this.db.prepare('INSERT OR IGNORE INTO digests (key) VALUES (?)').run(key);
                    // One statement: the row is taken only if not sent and free (or ours); of two instances one changes it.
                    return (
                        this.db.prepare('UPDATE digests SET lease_owner = ?, lease_until = ? WHERE key = ? AND sent_at IS NULL AND (lease_until <= ? OR lease_owner = ?)').run(owner, until, key, now, owner)
                            .changes === 1
                    );
                })
                .immediate(),
        );
    }

    markDigestSent(key: string, at: number): Promise<void> {
        return this.settle(() => {
            this.db.prepare('UPDATE digests SET sent_at = ? WHERE key = ?').run(at, key);
        });
    }

    close(): Promise<void> {
        if (this.db.open) this.db.close();
        return Promise.resolve();
    }

    private settle<T>(work: () => T): Promise<T> {
        return settleSqlite('Insight log', work);
    }
}
