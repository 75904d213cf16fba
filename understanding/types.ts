export { LANGUAGES, type Language } from '../core/language';
import type { Language } from '../core/language';

/**
 * 'sure': one answer (`answerId`); 'unsure': two or three `suggestions` to choose from;
 * 'unknown': none of the answers fits.
 */
export type Outcome = 'sure' | 'unsure' | 'unknown';

export type { FacetPolarity } from '../flow/answerCatalogue';

export interface Recognition {
    answerId?: string;
    /** The facet of the answer that answers the question as asked (its short first sentence), when one fits. */
    facet?: string;
    /** 0–1: how well the best answer fits; below 0.3 nothing fits, 0.3–0.5 unsure, 0.5 and up sure (understanding/decide.ts). */
    confidence: number;
    /** Answer ids to offer when the outcome is 'unsure', best first; empty otherwise. */
    suggestions: string[];
    /** The language the text is written in (detected; the conversation's language when unclear). */
    language: Language;
    outcome: Outcome;
    /** How many content words of the text some answer's examples use (any language): 0 for gibberish. */
    knownWords: number;
    /** The sentence of a long message the decision was made on; absent when it was the whole text. */
    focus?: string;
}

export interface Recognizer {
    recognize(text: string, conversationLanguage: Language): Recognition;
}

/**
 * Example questions per language, per answer id (locales/<lang>/questions.json). A key
 * `answerId#facet` holds examples of that answer that ask for one of its facets.
 */
export type Examples = Record<Language, Record<string, string[]>>;

/** The separator of `answerId#facet` keys in questions.json. */
export const FACET_SEPARATOR = '#';

/**
 * The key under which questions.json lists questions that none of the answers covers
 * (weather, salary, PIN reset, …): they teach the recognizer what to answer 'unknown'.
 */
export const OUT_OF_SCOPE = 'outOfScope';

/** One training sentence, already normalised into words. */
export interface TrainingExample {
    answerId: string;
    /** The facet this example asks for, when its key was `answerId#facet`. */
    facet?: string;
    language: Language;
    text: string;
    words: string[];
}

/** An answer id with a score; the higher, the better (scales differ between engines). */
export interface ScoredAnswer {
    id: string;
    score: number;
}

/**
 * A text classifier over normalised words: ranks every answer id (including OUT_OF_SCOPE when it
 * has examples), best first.
 */
export interface Engine {
    readonly name: string;
    rank(words: readonly string[], text: string): ScoredAnswer[];
}
