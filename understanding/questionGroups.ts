import { foldText } from '../core/textMatch';
import type { UnansweredQuestion } from './questionLog';

/**
 * Kept questions grouped for the library (`npm run questions`, the "cevaplar" card in Teams): the
 * same text, case, Turkish letters and punctuation aside, is one group, most asked first.
 */
export interface QuestionGroup {
    /** The spelling asked most often (the earliest on a tie). */
    text: string;
    count: number;
    /** How many of them the bot could not answer at all, and how many it offered answers for ("did you mean"). */
    outcomes: { unknown: number; unsure: number };
    /** The answers offered for them, most often first. */
    offered: Array<{ answerId: string; count: number }>;
    /** What people chose after "did you mean": an answer id, or "library" (a ticket with the question); most often first. */
    chosen: Array<{ choice: string; count: number }>;
    /** Most frequent first. */
    languages: Array<{ language: UnansweredQuestion['language']; count: number }>;
    /** Most frequent first; null for questions asked outside the guided steps. */
    steps: Array<{ stepId: string | null; count: number }>;
}

function tally<T>(values: readonly T[]): Array<{ value: T; count: number }> {
    const counts = new Map<T, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    // Map keeps first-seen order, and sort is stable: ties stay in the order they were first asked.
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/** Questions with the same folded text (case, Turkish letters, punctuation aside) are one group; most frequent first. */
export function groupQuestions(questions: readonly UnansweredQuestion[]): QuestionGroup[] {
    const byText = new Map<string, UnansweredQuestion[]>();
    for (const question of questions) {
        const key = foldText(question.text);
        const group = byText.get(key);
        if (group) group.push(question);
        else byText.set(key, [question]);
    }
    // Map keeps first-seen order, and sort is stable: equally frequent groups stay in the order first asked.
    return [...byText.values()]
        .sort((a, b) => b.length - a.length)
        .map((asked) => ({
            text: tally(asked.map((question) => question.text.trim()))[0].value,
            count: asked.length,
            outcomes: { unknown: asked.filter((question) => (question.outcome ?? 'unknown') === 'unknown').length, unsure: asked.filter((question) => question.outcome === 'unsure').length },
            offered: tally(asked.flatMap((question) => question.candidates ?? [])).map(({ value, count }) => ({ answerId: value, count })),
            chosen: tally(asked.flatMap((question) => (question.chosen ? [question.chosen] : []))).map(({ value, count }) => ({ choice: value, count })),
            languages: tally(asked.map((question) => question.language)).map(({ value, count }) => ({ language: value, count })),
            steps: tally(asked.map((question) => question.stepId ?? null)).map(({ value, count }) => ({ stepId: value, count })),
        }));
}
