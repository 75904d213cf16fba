import type Database from 'better-sqlite3';
import { questionToKeep, type QuestionLog, type UnansweredQuestion } from '../understanding/questionLog';
import { openSqlite, settleSqlite } from './openSqlite';

/** Its file in DATA_DIR (createStores opens it; `npm run questions` looks whether it exists). */
export const QUESTIONS_FILE = 'questions.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS questions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    text TEXT NOT NULL,
    language TEXT NOT NULL,
    step_id TEXT,
    asked_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_asked ON questions (asked_at, seq);
`;

interface QuestionRow {
    text: string;
    language: UnansweredQuestion['language'];
    step_id: string | null;
    asked_at: number;
}

/**
 * Unanswered questions in a SQLite file (WAL) of their own: no column for who asked or where.
 * The statements are prepared once and kept as long as the process (see openSqlite.ts).
 */
export class SqliteQuestionLog implements QuestionLog {
    private readonly db: Database.Database;
    private readonly insert: Database.Statement<[string, string, string | null, number]>;
    private readonly select: Database.Statement<[number, number], QuestionRow>;
    private readonly deleteBefore: Database.Statement<[number]>;

    constructor(file: string) {
        this.db = openSqlite(file);
        this.db.exec(SCHEMA);
        this.insert = this.db.prepare('INSERT INTO questions (text, language, step_id, asked_at) VALUES (?, ?, ?, ?)');
        this.select = this.db.prepare('SELECT text, language, step_id, asked_at FROM questions WHERE asked_at >= ? AND asked_at < ? ORDER BY asked_at, seq');
        this.deleteBefore = this.db.prepare('DELETE FROM questions WHERE asked_at < ?');
    }

    record(question: UnansweredQuestion): Promise<void> {
        const kept = questionToKeep(question);
        return this.settle(() => {
            this.insert.run(kept.text, kept.language, kept.stepId ?? null, kept.askedAt);
        });
    }

    list(from: number, to: number): Promise<UnansweredQuestion[]> {
        return this.settle(() => this.select.all(from, to).map((row) => ({
            text: row.text,
            language: row.language,
            ...(row.step_id ? { stepId: row.step_id } : {}),
            askedAt: row.asked_at,
        })));
    }

    deleteOlderThan(cutoff: number): Promise<number> {
        return this.settle(() => this.deleteBefore.run(cutoff).changes);
    }

    close(): Promise<void> {
        if (this.db.open) this.db.close();
        return Promise.resolve();
    }

    private settle<T>(work: () => T): Promise<T> {
        return settleSqlite('Question log', work);
    }
}
