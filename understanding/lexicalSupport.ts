import { FUNCTION_WORDS } from './languageDetector';
import { OUT_OF_SCOPE, type TrainingExample } from './types';

/**
 * A lexical check beside the classifier: which of a question's content words an answer's own
 * examples use. The classifier's letter trigrams find something close to almost any text ("kuantum
 * pizza" shares trigrams with "iptal"); an answer whose examples share none of the question's
 * words is no answer to it, and a question that is mostly words no answer uses ("kütüphane hangi
 * binada") is asking about something else.
 */
const STEM = 5;
/** Words too short to carry a topic ("e", "4", "ok"), and the function words of both languages. */
const MIN_CONTENT_LENGTH = 2;
const FUNCTION = new Set([...FUNCTION_WORDS.tr, ...FUNCTION_WORDS.en]);

interface Support {
    /** Salience (IDF) of the content words the answer's examples use. */
    explained: number;
    /** Salience of the content words they do not use; a word no example uses counts the most. */
    unexplained: number;
    /** How many content words the answer's examples use. */
    matched: number;
}

export interface LexicalIndex {
    /** How far the answer's examples account for the question's content words. */
    support(words: readonly string[], answerId: string): Support;
    /** The words of the question some example of any answer (in scope or not) uses. */
    knownWords(words: readonly string[]): number;
    /** Content words that some in-scope answer's examples use. */
    domainWords(words: readonly string[]): number;
    /** Words that are neither function words nor too short to carry a topic. */
    contentWords(words: readonly string[]): number;
}

const stemOf = (word: string) => word.slice(0, STEM);
const isContent = (word: string) => word.length >= MIN_CONTENT_LENGTH && !FUNCTION.has(word) && !/^\p{N}+$/u.test(word);

export function createLexicalIndex(examples: readonly TrainingExample[]): LexicalIndex {
    const byAnswer = new Map<string, Set<string>>();
    const documentFrequency = new Map<string, number>();
    const known = new Set<string>();
    let inScope = 0;
    for (const example of examples) {
        for (const word of example.words) known.add(word);
        if (example.answerId === OUT_OF_SCOPE) continue;
        inScope++;
        const stems = byAnswer.get(example.answerId) ?? new Set<string>();
        byAnswer.set(example.answerId, stems);
        const seen = new Set<string>();
        for (const word of example.words) {
            stems.add(word);
            stems.add(stemOf(word));
            seen.add(stemOf(word));
        }
        for (const stem of seen) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
    }
    const unseen = Math.log(inScope + 1) + 1;
    const salience = (word: string) => {
        const df = documentFrequency.get(stemOf(word));
        return df === undefined ? unseen : Math.log((inScope + 1) / (df + 1)) + 1;
    };
    const inDomain = (word: string) => documentFrequency.has(stemOf(word));

    return {
        support(words, answerId) {
            const stems = byAnswer.get(answerId);
            const result: Support = { explained: 0, unexplained: 0, matched: 0 };
            for (const word of new Set(words)) {
                if (!isContent(word)) continue;
                if (stems && (stems.has(word) || stems.has(stemOf(word)))) {
                    result.explained += salience(word);
                    result.matched++;
                } else {
                    result.unexplained += salience(word);
                }
            }
            return result;
        },
        knownWords: (words) => words.filter((word) => known.has(word)).length,
        domainWords: (words) => words.filter((word) => isContent(word) && inDomain(word)).length,
        contentWords: (words) => words.filter(isContent).length,
    };
}
