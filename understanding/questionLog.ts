import { maskContactDetails } from '../core/privacyGuard';

/**
 * Questions the bot did not answer with confidence, kept so the library can add answers where
 * people get stuck: those it could not answer ('unknown') and those it was unsure of ('unsure':
 * the answers it offered, and which one the person then chose, or the library). Only the question
 * itself: its text (already masked by the privacy guard, and e-mail addresses and phone numbers
 * masked here), its language, the step the person was at and when it was asked. Never a user id,
 * never a conversation id.
 */
export type QuestionOutcome = 'unknown' | 'unsure';

/** What the person chose after "did you mean": an answer id, or the library (a ticket with the question). */
export const CHOSE_LIBRARY = 'library';

export interface UnansweredQuestion {
    /** Random, to tie a later choice to this question; names no person or conversation. */
    id?: string;
    text: string;
    language: 'tr' | 'en';
    stepId?: string;
    askedAt: number;
    /** Absent in questions kept before the bot kept unsure ones: they were all 'unknown'. */
    outcome?: QuestionOutcome;
    /** For 'unsure': the answers offered, best first. */
    candidates?: string[];
    /** For 'unsure': what the person chose, an answer id or CHOSE_LIBRARY; absent while they chose nothing. */
    chosen?: string;
}

export interface QuestionLog {
    /** Keeps the question, its text cut to `MAX_QUESTION_LENGTH` characters; nothing else of the caller's object. */
    record(question: UnansweredQuestion): Promise<void>;
    /** Notes what the person chose for the question with this id; nothing when there is none (swept, or never kept). */
    recordChoice(id: string, chosen: string): Promise<void>;
    /** The questions asked in [from, to), oldest first (ties in the order they were recorded). */
    list(from: number, to: number): Promise<UnansweredQuestion[]>;
    /** Retention: deletes the questions asked before `cutoff`; answers how many. */
    deleteOlderThan(cutoff: number): Promise<number>;
}

export const MAX_QUESTION_LENGTH = 500;
/** Choices and candidates are answer ids: short, and never free text. */
const MAX_ID_LENGTH = 64;
const MAX_CANDIDATES = 5;

/** An answer id as kept: cut, so nothing long can hide in it. */
export const keptId = (id: string) => id.slice(0, MAX_ID_LENGTH);

/** What a store keeps of a question: its fields, the text without contact details, cut without splitting a surrogate pair. */
export function questionToKeep(question: UnansweredQuestion): UnansweredQuestion {
    let text = maskContactDetails(question.text).slice(0, MAX_QUESTION_LENGTH);
    if (text.length === MAX_QUESTION_LENGTH && /[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
    return {
        ...(question.id ? { id: keptId(question.id) } : {}),
        text,
        language: question.language,
        ...(question.stepId ? { stepId: question.stepId } : {}),
        askedAt: question.askedAt,
        outcome: question.outcome ?? 'unknown',
        ...(question.candidates?.length ? { candidates: question.candidates.slice(0, MAX_CANDIDATES).map(keptId) } : {}),
        ...(question.chosen ? { chosen: keptId(question.chosen) } : {}),
    };
}
