import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { InternalError } from '../core/errors';
import { tokenize } from './normalize';
import { LANGUAGES } from './types';

/**
 * Everyday words for the same thing, as concepts: "kartımı çaldılar", "tokenım çalındı" and "my
 * card was stolen" all carry the concepts `device` and `stolen`. The concepts are added to the
 * words the classifier sees (of the examples and of the question), so one example with "kart"
 * teaches "token" and "çip" too. Words live in locales/<lang>/vocabulary.json: concept → phrases,
 * each word of a phrase the start of a normalised word ("caldi" matches "caldilar", "caldirdim").
 * The longest phrase wins, so "kart okuyucu" is a reader and "kredi karti" a payment card, not the
 * e-signature card.
 */
export const CONCEPT_MARK = '~';

interface Phrase {
    concept: string;
    words: string[];
}

export interface Concepts {
    /** The words followed by the concept of each phrase found in them (`~device`, `~stolen`). */
    expand(words: readonly string[]): string[];
    /** Changes with the table: what words worked out with these concepts earlier were made with (preparedWords.ts). */
    readonly fingerprint: string;
}

function createConcepts(table: Record<string, readonly string[]>): Concepts {
    const phrases: Phrase[] = Object.entries(table)
        .flatMap(([concept, entries]) => entries.map((entry) => ({ concept, words: tokenize(entry) })))
        .filter((phrase) => phrase.words.length > 0)
        .sort((a, b) => b.words.length - a.words.length);
    const matchesAt = (words: readonly string[], at: number, phrase: Phrase) => at + phrase.words.length <= words.length && phrase.words.every((part, offset) => words[at + offset].startsWith(part));
    // A phrase can only start where a word begins with its first word's first letter: each word is
    // tried against those phrases alone (longest first, as in `phrases`), not against all of them.
    const byFirstLetter = new Map<string, Phrase[]>();
    for (const phrase of phrases) {
        const letter = phrase.words[0][0];
        const list = byFirstLetter.get(letter) ?? [];
        list.push(phrase);
        byFirstLetter.set(letter, list);
    }
    return {
        fingerprint: createHash('sha256').update(JSON.stringify(table)).digest('hex'),
        expand(words) {
            const found = new Set<string>();
            for (let at = 0; at < words.length;) {
                const phrase = byFirstLetter.get(words[at][0])?.find((candidate) => matchesAt(words, at, candidate));
                if (phrase) found.add(`${CONCEPT_MARK}${phrase.concept}`);
                at += phrase ? phrase.words.length : 1;
            }
            return found.size ? [...words, ...found] : [...words];
        },
    };
}

/** The concept table of every language together (a question may mix them). */
export function loadConcepts(localesDir: string): Concepts {
    const table: Record<string, string[]> = {};
    for (const language of LANGUAGES) {
        const file = path.join(localesDir, language, 'vocabulary.json');
        const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new InternalError(`${file}: expected an object of phrase lists`);
        for (const [concept, entries] of Object.entries(parsed as Record<string, unknown>)) {
            if (!Array.isArray(entries) || !entries.every((entry) => typeof entry === 'string')) throw new InternalError(`${file}: "${concept}" must be a list of phrases`);
            table[concept] = [...(table[concept] ?? []), ...entries];
        }
    }
    return createConcepts(table);
}
