import { decide, type Thresholds } from './decide';
import { createLanguageDetector, type LanguageDetector } from './languageDetector';
import { tokenize, turkishLetterWords } from './normalize';
import { createTfidfEngine } from './tfidfEngine';
import {
    LANGUAGES, type Engine, type Examples, type Language, type Recognition, type Recognizer, type TrainingExample,
} from './types';

export type { Examples, Language, Outcome, Recognition, Recognizer } from './types';
export { OUT_OF_SCOPE } from './types';

/**
 * Thresholds of the built-in engine, measured by 10-fold cross-validation on the examples
 * (`node dist/understanding/calibrate.js`: rerun it after changing many questions) and checked on
 * the held-out set (`node dist/understanding/evaluate.js`). `scale` is the engine's highest
 * possible score (1 + 0.15 + 0.7 + 0.6, see tfidfEngine.ts).
 */
/**
 * No more of a typed text is read: a question is a sentence or two, and a 4,000-character message
 * must cost what a normal one does (the question log keeps no more either).
 */
export const MAX_RECOGNIZED_CHARS = 500;

export const TFIDF_THRESHOLDS: Thresholds = { sure: 0.39, margin: 0, unsure: 0.27, thirdRatio: 0.85, scale: 2.45, outOfScopeShadow: 0.9 };

/** Every example of every language, normalised once. */
export function trainingExamples(examples: Examples): TrainingExample[] {
    return LANGUAGES.flatMap((language) => Object.entries(examples[language] ?? {}).flatMap(([answerId, questions]) =>
        questions.map((text) => ({ answerId, language, text, words: tokenize(text) }))
            .filter((example) => example.words.length > 0)));
}

export function detectorFor(training: readonly TrainingExample[]): LanguageDetector {
    return createLanguageDetector({
        tr: training.filter((example) => example.language === 'tr').map((example) => example.words),
        en: training.filter((example) => example.language === 'en').map((example) => example.words),
    });
}

/** A recognizer around any engine: language detection, normalisation and the decision are shared. */
export function recognizerFromEngine(engine: Engine, detector: LanguageDetector, thresholds: Thresholds): Recognizer {
    return {
        recognize(typed: string, conversationLanguage: Language): Recognition {
            const text = typed.slice(0, MAX_RECOGNIZED_CHARS);
            const words = tokenize(text);
            if (words.length === 0) return { confidence: 0, suggestions: [], language: conversationLanguage, outcome: 'unknown' };
            const language = detector.detect(words, conversationLanguage, turkishLetterWords(text));
            const decision = decide(engine.rank(words, text), thresholds);
            return { ...decision, language };
        },
    };
}

/**
 * Builds the recognizer from example questions (see loadExamples). Examples of both languages go
 * into one index: an English question in a Turkish conversation is understood, and reported as 'en'.
 * Questions listed under "outOfScope" teach it what to answer 'unknown'.
 */
export function createRecognizer(examples: Examples): Recognizer {
    const training = trainingExamples(examples);
    return recognizerFromEngine(createTfidfEngine(training), detectorFor(training), TFIDF_THRESHOLDS);
}
