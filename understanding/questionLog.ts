import { maskContactDetails } from '../core/privacyGuard';

/**
 * Questions the bot could not answer, kept so the library can add answers where people get stuck.
 * Only the question itself: its text (already masked by the privacy guard, and e-mail addresses and
 * phone numbers masked here), its language, the step the person was at and when it was asked.
 * Never a user id, never a conversation id.
 */
export interface UnansweredQuestion {
    text: string;
    language: 'tr' | 'en';
    stepId?: string;
    askedAt: number;
}

export interface QuestionLog {
    /** Keeps the question, its text cut to `MAX_QUESTION_LENGTH` characters; nothing else of the caller's object. */
    record(question: UnansweredQuestion): Promise<void>;
    /** The questions asked in [from, to), oldest first (ties in the order they were recorded). */
    list(from: number, to: number): Promise<UnansweredQuestion[]>;
    /** Retention: deletes the questions asked before `cutoff`; answers how many. */
    deleteOlderThan(cutoff: number): Promise<number>;
}

export const MAX_QUESTION_LENGTH = 500;

/** What a store keeps of a question: the four fields, the text without contact details, cut without splitting a surrogate pair. */
export function questionToKeep(question: UnansweredQuestion): UnansweredQuestion {
    let text = maskContactDetails(question.text).slice(0, MAX_QUESTION_LENGTH);
    if (text.length === MAX_QUESTION_LENGTH && /[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
    return {
        text,
        language: question.language,
        ...(question.stepId ? { stepId: question.stepId } : {}),
        askedAt: question.askedAt,
    };
}
