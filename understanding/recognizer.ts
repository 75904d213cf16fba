import { decide, type Decision, type Thresholds } from './decide';
import type { Concepts } from './concepts';
import { createLanguageDetector, type LanguageDetector } from './languageDetector';
import { createLexicalIndex, type LexicalIndex } from './lexicalSupport';
import { tokenize, turkishLetterWords } from './normalize';
import { passages } from './passages';
import { createTfidfEngine } from './tfidfEngine';
import {
    FACET_SEPARATOR, LANGUAGES, OUT_OF_SCOPE, type Engine, type Examples, type Language, type Recognition, type Recognizer, type ScoredAnswer, type TrainingExample,
} from './types';

export type { Examples, Language, Outcome, Recognition, Recognizer } from './types';
export { OUT_OF_SCOPE } from './types';

/**
 * Thresholds of the built-in engine, measured by 10-fold cross-validation on the examples
 * (`node dist/understanding/calibrate.js`: rerun it after changing many questions) and checked on
 * the held-out set (`node dist/understanding/evaluate.js`). `scale` is the engine's highest
 * possible score (1 + 0.15 + 0.7 + 0.6, see tfidfEngine.ts).
 */
export const TFIDF_THRESHOLDS: Thresholds = { sure: 0.39, margin: 0, unsure: 0.27, thirdRatio: 0.85, scale: 2.45, outOfScopeShadow: 0.9 };

/**
 * The lexical check (lexicalSupport.ts): a 'sure' answer must account for at least this share of
 * the salience of the question's content words; suggestions must share a content word with it.
 */
export const EXPLAINED_SHARE = Number(process.env.EXPLAINED_SHARE ?? 0);

/** Every example of every language, normalised once. */
export function trainingExamples(examples: Examples): TrainingExample[] {
    return LANGUAGES.flatMap((language) => Object.entries(examples[language] ?? {}).flatMap(([key, questions]) => {
        const [answerId, facet] = key.split(FACET_SEPARATOR);
        return questions.map((text) => ({ answerId, ...(facet ? { facet } : {}), language, text, words: tokenize(text) }))
            .filter((example) => example.words.length > 0);
    }));
}

export function detectorFor(training: readonly TrainingExample[]): LanguageDetector {
    return createLanguageDetector({
        tr: training.filter((example) => example.language === 'tr').map((example) => example.words),
        en: training.filter((example) => example.language === 'en').map((example) => example.words),
    });
}

/**
 * The classifier's decision, checked against the words: nothing 'sure' that leaves most of the
 * question unexplained, no suggestion that shares no content word with it, and nothing at all for
 * a question none of whose content words any answer uses.
 */
function checked(decision: Decision, ranked: readonly ScoredAnswer[], words: readonly string[], lexical: LexicalIndex, thresholds: Thresholds): Decision {
    const unknown: Decision = { outcome: 'unknown', suggestions: [], confidence: Math.min(decision.confidence, 0.29) };
    if (decision.outcome === 'unknown') return decision;
    // Only function words ("merhaba", "who are you"): the classifier alone decides.
    if (lexical.contentWords(words) === 0) return decision;
    if (lexical.domainWords(words) === 0) return unknown;
    if (decision.outcome === 'sure' && decision.answerId) {
        const support = lexical.support(words, decision.answerId);
        if (support.matched > 0 && support.explained >= EXPLAINED_SHARE * (support.explained + support.unexplained)) return decision;
    }
    const best = ranked.find((entry) => entry.id !== OUT_OF_SCOPE)?.score ?? 0;
    const suggestions = ranked.filter((entry) => entry.id !== OUT_OF_SCOPE).slice(0, 3)
        .filter((entry, index) => index < 2 || entry.score >= thresholds.thirdRatio * best)
        .filter((entry) => lexical.support(words, entry.id).matched > 0)
        .map((entry) => entry.id);
    if (suggestions.length === 0) return unknown;
    return { outcome: 'unsure', suggestions, confidence: Math.min(decision.confidence, 0.49) };
}

export interface RecognizerOptions {
    /** Everyday words for the same thing (concepts.ts), added to the words the classifier sees. */
    concepts?: Concepts;
    /** The lexical check beside the classifier; without it the classifier's decision stands. */
    lexical?: LexicalIndex;
    /** Answers that are small talk (greetings, thanks): in a long message, a clause they answer is not the question. */
    smallTalk?: ReadonlySet<string>;
}

interface Judged {
    decision: Decision;
    /** The best answer's score, to compare passages of one message. */
    score: number;
    words: string[];
}

/** A question-like passage (a question mark) wins over story around it at this much less score. */
const QUESTION_BONUS = 0.1;

/** A recognizer around any engine: language detection, normalisation and the decision are shared. */
export function recognizerFromEngine(engine: Engine, detector: LanguageDetector, thresholds: Thresholds, options: RecognizerOptions = {}): Recognizer {
    const { lexical, smallTalk, concepts } = options;
    const judge = (text: string): Judged => {
        const words = tokenize(text);
        if (words.length === 0) return { decision: { outcome: 'unknown', suggestions: [], confidence: 0 }, score: 0, words };
        const seen = concepts ? concepts.expand(words) : words;
        const ranked = engine.rank(seen, text);
        const decision = lexical ? checked(decide(ranked, thresholds), ranked, seen, lexical, thresholds) : decide(ranked, thresholds);
        return { decision, score: ranked.find((entry) => entry.id !== OUT_OF_SCOPE)?.score ?? 0, words };
    };
    const isSmallTalk = (judged: Judged) => judged.decision.outcome === 'sure' && !!judged.decision.answerId && !!smallTalk?.has(judged.decision.answerId);
    /** The passage of a long message the person asks: the surest one, questions first; undefined when none is sure. */
    const focusOf = (text: string): { judged: Judged; text: string } | undefined => {
        let best: { judged: Judged; text: string; value: number } | undefined;
        for (const passage of passages(text)) {
            const judged = judge(passage.text);
            if (judged.decision.outcome !== 'sure' || isSmallTalk(judged)) continue;
            const value = judged.score + (passage.question ? QUESTION_BONUS : 0);
            if (!best || value > best.value) best = { judged, text: passage.text, value };
        }
        return best;
    };
    return {
        recognize(text: string, conversationLanguage: Language): Recognition {
            const whole = judge(text);
            if (whole.words.length === 0) return { ...whole.decision, language: conversationLanguage, knownWords: 0 };
            const language = detector.detect(whole.words, conversationLanguage, turkishLetterWords(text));
            const knownWords = lexical?.knownWords(whole.words) ?? 0;
            // Small talk around a question ("merhaba, sms gelmedi") is not what it asks.
            const focus = whole.decision.outcome === 'sure' && !isSmallTalk(whole) ? undefined : focusOf(text);
            if (focus && (whole.decision.outcome !== 'sure' || focus.judged.score > whole.score)) {
                return { ...focus.judged.decision, language, knownWords, focus: focus.text };
            }
            return { ...whole.decision, language, knownWords };
        },
    };
}

/**
 * Whether to offer the other language: the text was written in it, and enough of it are known
 * words to tell (gibberish looks like either language and is offered nothing).
 */
export function offersLanguageSwitch(recognition: Recognition, conversationLanguage: Language): boolean {
    return recognition.language !== conversationLanguage && recognition.knownWords >= 2;
}

/**
 * Builds the recognizer from example questions (see loadExamples). Examples of both languages go
 * into one index: an English question in a Turkish conversation is understood, and reported as 'en'.
 * Questions listed under "outOfScope" teach it what to answer 'unknown'.
 */
export function createRecognizer(examples: Examples, options: Pick<RecognizerOptions, 'smallTalk' | 'concepts'> = {}): Recognizer {
    const training = trainingExamples(examples);
    const { concepts } = options;
    // The classifier and the lexical check see the concepts too; language detection sees the words alone.
    const seen = concepts ? training.map((example) => ({ ...example, words: concepts.expand(example.words) })) : training;
    return recognizerFromEngine(createTfidfEngine(seen), detectorFor(training), TFIDF_THRESHOLDS, { ...options, lexical: createLexicalIndex(seen) });
}
