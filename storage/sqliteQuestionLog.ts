import { randomUUID } from 'crypto';
import type Database from 'better-sqlite3';
import { keptId, questionToKeep, type QuestionLog, type QuestionOutcome, type UnansweredQuestion } from '../understanding/questionLog';
import { migrateUnlessColumn, openSqlite, settleSqlite } from './openSqlite';

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

/** Columns added since the first version, added to an older file when it is opened. */
const LATER_COLUMNS: ReadonlyArray<readonly [string, string]> = [
    ['question_id', 'TEXT'],
    ['outcome', "TEXT NOT NULL DEFAULT 'unknown'"],
    ['candidates', 'TEXT'],
    ['chosen', 'TEXT'],
];

interface QuestionRow {
    question_id: string | null;
    text: string;
    language: UnansweredQuestion['language'];
    step_id: string | null;
    asked_at: number;
    outcome: QuestionOutcome;
    candidates: string | null;
    chosen: string | null;
}

/**
 * Unanswered and unsure questions in a SQLite file (WAL) of their own: no column for who asked or
 * where. The statements are prepared once and kept as long as the process (see openSqlite.ts).
 */
export class SqliteQuestionLog implements QuestionLog {
    private readonly db: Database.Database;
    private readonly insert: Database.Statement<[string | null, string, string, string | null, number, string, string | null, string | null]>;
    private readonly choose: Database.Statement<[string, string]>;
    private readonly select: Database.Statement<[number, number], QuestionRow>;
    private readonly deleteBefore: Database.Statement<[number]>;

    constructor(file: string) {
        this.db = openSqlite(file);
        this.db.exec(SCHEMA);
        for (const [name, type] of LATER_COLUMNS) migrateUnlessColumn(this.db, 'questions', name, () => this.db.exec(`ALTER TABLE questions ADD COLUMN ${name} ${type}`));
        this.db.exec('CREATE INDEX IF NOT EXISTS questions_id ON questions (question_id)');
        this.insert = this.db.prepare('INSERT INTO questions (question_id, text, language, step_id, asked_at, outcome, candidates, chosen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
        this.choose = this.db.prepare('UPDATE questions SET chosen = ? WHERE question_id = ?');
        this.select = this.db.prepare('SELECT question_id, text, language, step_id, asked_at, outcome, candidates, chosen FROM questions WHERE asked_at >= ? AND asked_at < ? ORDER BY asked_at, seq');
        this.deleteBefore = this.db.prepare('DELETE FROM questions WHERE asked_at < ?');
    }

    record(question: UnansweredQuestion): Promise<void> {
        const kept = questionToKeep(question);
        return this.settle(() => {
            this.insert.run(
                kept.id ?? randomUUID(),
                kept.text,
                kept.language,
                kept.stepId ?? null,
                kept.askedAt,
                kept.outcome ?? 'unknown',
                kept.candidates ? JSON.stringify(kept.candidates) : null,
                kept.chosen ?? null,
            );
        });
    }

    recordChoice(id: string, chosen: string): Promise<void> {
        return this.settle(() => {
            this.choose.run(keptId(chosen), keptId(id));
        });
    }

    list(from: number, to: number): Promise<UnansweredQuestion[]> {
        return this.settle(() =>
            this.select.all(from, to).map((row) => ({
                ...(row.question_id ? { id: row.question_id } : {}),
                text: row.text,
                language: row.language,
                ...(row.step_id ? { stepId: row.step_id } : {}),
                askedAt: row.asked_at,
                outcome: row.outcome,
                ...(row.candidates ? { candidates: JSON.parse(row.candidates) as string[] } : {}),
                ...(row.chosen ? { chosen: row.chosen } : {}),
            })),
        );
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
