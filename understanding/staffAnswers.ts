import { LANGUAGES, type Language } from '../core/language';
import type { Examples } from './types';

/**
 * Answers the library teaches the bot from Teams (or from `npm run answers`): a title, a text and
 * a few example questions, in one language or both. They live in the store beside the tickets,
 * every instance serves them (the recognizer is rebuilt when the store's version changes), and
 * they never stand in for the guide's own answers silently: an overlap is kept as a conflict and
 * shown to staff.
 */
type StaffAnswerStatus = 'active' | 'retired';

export type StaffAnswerAction = 'added' | 'edited' | 'retired' | 'restored';

/** Limits of what staff type: the card's inputs say them too (maxLength). */
export const STAFF_ANSWER_LIMITS = { title: 120, text: 2000, example: 200, examples: 10 } as const;

export interface StaffAnswerContent {
    title: Partial<Record<Language, string>>;
    text: Partial<Record<Language, string>>;
    examples: Partial<Record<Language, string[]>>;
}

/** One line of the audit: who did what, when (never the texts themselves: those are the answer). */
interface StaffAnswerEvent {
    at: number;
    actor: { id: string; name: string };
    action: StaffAnswerAction;
}

export interface StaffAnswer extends StaffAnswerContent {
    id: string;
    /** Short and unique, for people: "C3" on cards and in `npm run answers`. */
    number: number;
    status: StaffAnswerStatus;
    /** The guide's own answers its examples overlapped when it was last saved; staff saved it knowing. */
    conflicts: string[];
    /** The ticket it was taught from, if any. */
    ticketNumber?: number;
    history: StaffAnswerEvent[];
    createdAt: number;
    updatedAt: number;
    /** Changes on every write; a write with an older eTag is refused. */
    eTag: string;
}

export type NewStaffAnswer = Omit<StaffAnswer, 'id' | 'number' | 'eTag'>;

/**
 * Where staff answers live. Writes are conditional on the eTag (two staff members editing at once
 * cannot both win) and move the store's version on, which every instance watches.
 */
export interface StaffAnswerStore {
    /** Stores a new answer with a fresh number. */
    create(answer: NewStaffAnswer): Promise<StaffAnswer>;
    get(id: string): Promise<StaffAnswer | undefined>;
    getByNumber(number: number): Promise<StaffAnswer | undefined>;
    /** Writes `answer` if the stored eTag is still `answer.eTag`; throws ETagConflictError otherwise. */
    update(answer: StaffAnswer): Promise<StaffAnswer>;
    /** Every answer, active and retired, by number. */
    list(): Promise<StaffAnswer[]>;
    /** A number that changes with every write (0 before the first): cheap to poll. */
    version(): Promise<number>;
    ping(): Promise<void>;
    close(): Promise<void>;
}

const ID_PREFIX = 'staff';

/** The answer id the recognizer and the answer cards know a staff answer by ("staff3"). */
export const staffAnswerId = (number: number) => `${ID_PREFIX}${number}`;

/** The number in a staff answer id, or undefined for a built-in answer. */
export function staffAnswerNumber(answerId: string): number | undefined {
    const match = /^staff(\d{1,9})$/.exec(answerId);
    return match ? Number(match[1]) : undefined;
}

/** The languages an answer has a title and a text in. */
export function languagesOf(content: StaffAnswerContent): Language[] {
    return LANGUAGES.filter((language) => !!content.title[language]?.trim() && !!content.text[language]?.trim());
}

/** The example questions of the active answers, per language, under their answer ids: what the recognizer learns. */
export function staffExamples(answers: readonly StaffAnswer[]): Examples {
    const examples = Object.fromEntries(LANGUAGES.map((language) => [language, {}])) as Examples;
    for (const answer of answers) {
        if (answer.status !== 'active') continue;
        for (const language of LANGUAGES) {
            const list = (answer.examples[language] ?? []).filter((example) => example.trim());
            if (list.length) examples[language][staffAnswerId(answer.number)] = list;
        }
    }
    return examples;
}
