import type { Language } from './types';

/**
 * Which language a question is written in: a naive Bayes vote of its words, learnt from the
 * examples of each language, with character trigrams for words no example used. KamuSM's screen
 * labels appear in the examples of both languages, so "I can't find NES İŞLEMLERİ" is English:
 * "nes islemleri" votes for neither side and "i cant find" votes for English.
 * When the vote is too close to call (one short or shared word: "ok", "sms"), the conversation's
 * language wins.
 */

/** Function words that are evidence on their own, whatever the examples say (already normalised). */
export const FUNCTION_WORDS: Record<Language, readonly string[]> = {
    en: [
        'i',
        'my',
        'me',
        'you',
        'your',
        'the',
        'a',
        'an',
        'is',
        'are',
        'was',
        'do',
        'does',
        'did',
        'didnt',
        'dont',
        'doesnt',
        'cant',
        'can',
        'should',
        'would',
        'will',
        'what',
        'how',
        'where',
        'when',
        'why',
        'which',
        'who',
        'to',
        'of',
        'for',
        'with',
        'on',
        'in',
        'at',
        'it',
        'not',
        'no',
        'yes',
        'and',
        'or',
        'have',
        'has',
        'get',
        'got',
        'this',
        'that',
        'there',
        'please',
        'thanks',
        'thank',
        'hello',
        'hi',
        'need',
        'want',
        'still',
        'yet',
        'again',
        'now',
        'after',
        'before',
        'from',
        'about',
        'much',
        'many',
        'long',
        'nothing',
        'never',
        'wont',
    ],
    tr: [
        'bir',
        've',
        'ile',
        'icin',
        'bu',
        'su',
        'ne',
        'nasil',
        'neden',
        'nerede',
        'nereye',
        'nerde',
        'hangi',
        'hangisi',
        'mi',
        'mu',
        'ben',
        'sen',
        'biz',
        'siz',
        'benim',
        'var',
        'yok',
        'degil',
        'lazim',
        'gerekiyor',
        'gerek',
        'kadar',
        'hala',
        'daha',
        'simdi',
        'sonra',
        'once',
        'ama',
        'ya',
        'da',
        'de',
        'ki',
        'cok',
        'evet',
        'hayir',
        'tamam',
        'merhaba',
        'selam',
        'tesekurler',
        'yaziyor',
        'gelmedi',
        'yapmaliyim',
        'yapacagim',
        'nedir',
        'kac',
        'zaman',
        'olur',
        'olacak',
        'musun',
        'misin',
        'miyim',
        'yardim',
        'acaba',
    ],
};
const FUNCTION_WORD_WEIGHT = 4;
const SMOOTHING = 0.5;
/** Below this many nats of evidence the conversation's language is kept. */
const MIN_EVIDENCE = 1.2;
/** An unseen word votes through its trigrams, never more than this. */
const MAX_UNSEEN_WORD_EVIDENCE = 1;
/** A word written with Turkish letters that no English example uses ("hoşçakal", not "İŞLEMLERİ"). */
const TURKISH_LETTER_EVIDENCE = 1.5;

type Counts = Map<string, number>;

function trigrams(word: string): string[] {
    const padded = `<${word}>`;
    const grams: string[] = [];
    for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
    return grams;
}

function add(counts: Counts, key: string, amount = 1): void {
    counts.set(key, (counts.get(key) ?? 0) + amount);
}

function total(counts: Counts): number {
    let sum = 0;
    for (const value of counts.values()) sum += value;
    return sum;
}

export interface LanguageDetector {
    /**
     * The language of already-normalised words; `fallback` when the evidence is weak.
     * `turkishLetterWords`: the normalised form of the words that were typed with Turkish letters.
     */
    detect(words: readonly string[], fallback: Language, turkishLetterWords?: readonly string[]): Language;
    /** Log-odds of Turkish over English (positive: Turkish); exposed for tests and tuning. */
    evidence(words: readonly string[], turkishLetterWords?: readonly string[]): number;
}

export function createLanguageDetector(wordsByLanguage: Record<Language, ReadonlyArray<readonly string[]>>): LanguageDetector {
    const words: Record<Language, Counts> = { tr: new Map(), en: new Map() };
    const grams: Record<Language, Counts> = { tr: new Map(), en: new Map() };
    for (const language of ['tr', 'en'] as const) {
        for (const sentence of wordsByLanguage[language]) for (const word of sentence) add(words[language], word);
        // A word's trigrams counted once per distinct word, times its count: the same counts, far fewer strings.
        for (const [word, count] of words[language]) for (const gram of trigrams(word)) add(grams[language], gram, count);
        for (const word of FUNCTION_WORDS[language]) add(words[language], word, FUNCTION_WORD_WEIGHT);
    }
    const vocabulary = new Set([...words.tr.keys(), ...words.en.keys()]).size;
    const gramVocabulary = new Set([...grams.tr.keys(), ...grams.en.keys()]).size;
    const wordTotals = { tr: total(words.tr), en: total(words.en) };
    const gramTotals = { tr: total(grams.tr), en: total(grams.en) };

    const logP = (counts: Counts, key: string, sum: number, size: number) => Math.log(((counts.get(key) ?? 0) + SMOOTHING) / (sum + SMOOTHING * size));

    const wordEvidence = (word: string): number => {
        if (words.tr.has(word) || words.en.has(word)) {
            return logP(words.tr, word, wordTotals.tr, vocabulary) - logP(words.en, word, wordTotals.en, vocabulary);
        }
        // An unseen word: the mean vote of its trigrams, counted as one word.
        const wordGrams = trigrams(word);
        let sum = 0;
        for (const gram of wordGrams) {
            sum += logP(grams.tr, gram, gramTotals.tr, gramVocabulary) - logP(grams.en, gram, gramTotals.en, gramVocabulary);
        }
        const mean = wordGrams.length ? sum / wordGrams.length : 0;
        return Math.max(-MAX_UNSEEN_WORD_EVIDENCE, Math.min(MAX_UNSEEN_WORD_EVIDENCE, mean));
    };

    const evidence = (sentence: readonly string[], turkishLetterWords: readonly string[] = []): number => {
        let sum = 0;
        for (const word of sentence) if (!/^\p{N}+$/u.test(word)) sum += wordEvidence(word);
        for (const word of turkishLetterWords) if (!words.en.has(word)) sum += TURKISH_LETTER_EVIDENCE;
        return sum;
    };

    return {
        evidence,
        detect(sentence, fallback, turkishLetterWords) {
            const score = evidence(sentence, turkishLetterWords);
            if (Math.abs(score) < MIN_EVIDENCE) return fallback;
            return score > 0 ? 'tr' : 'en';
        },
    };
}
