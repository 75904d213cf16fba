import { tokenize } from './normalize';
import { clauses } from './passages';

/**
 * Whether a question asks yes or no, from its normalised words (no Turkish letters, lower case).
 * Turkish: the question particle mi/mu (mı, mü folded), alone or with its person ending ("miyim",
 * "musunuz"), or glued to the verb ("yapabilirmiyim"), with no question word (ne, nasıl, hangi…)
 * and no "yoksa" (an either-or question). English: it opens with an auxiliary ("can I", "do I",
 * "is it"), after any greeting.
 */
const PARTICLE = /^m[iu](y[iu]m|s[iu]n|y[iu]z|s[iu]n[iu]z|d[iu]r|l[ae]r)?$/;
const GLUED_ENDINGS = ['miyim', 'misin', 'miyiz', 'misiniz', 'midir', 'muyum', 'musun', 'muyuz', 'musunuz', 'mudur'];
/** A verb before a glued particle has at least this many letters ("olurmuyum" yes, "kimim" no). */
const MIN_VERB = 3;
const glued = (word: string) => GLUED_ENDINGS.some((ending) => word.length >= ending.length + MIN_VERB && word.endsWith(ending));
/** Turkish question words: with one of these, "mi" asks which, not whether. */
const TURKISH_QUESTION_WORDS = new Set([
    'ne',
    'neyi',
    'neye',
    'neden',
    'niye',
    'nicin',
    'nasil',
    'nerede',
    'nerde',
    'nereye',
    'nereden',
    'hangi',
    'hangisi',
    'hangisini',
    'kim',
    'kime',
    'kimi',
    'kimin',
    'kac',
    'kaca',
    'kacinci',
    'nedir',
    'yoksa',
]);
/** Not the negative ones: "didnt get the code", "cant find it" open statements more often than questions. */
const AUXILIARIES = new Set(['can', 'could', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'will', 'would', 'should', 'shall', 'must', 'may', 'might', 'have', 'has', 'am']);
/** Auxiliaries that ask with a pronoun after them anywhere in a clause ("after approving do I…"); not "is"/"are", which also state. */
const ASKING_AUXILIARIES = new Set(['can', 'could', 'do', 'does', 'did', 'will', 'would', 'should', 'shall', 'must', 'may']);
/** English question words: an auxiliary after one asks which, not whether ("where can I pay"). */
const ENGLISH_QUESTION_WORDS = new Set(['what', 'whats', 'where', 'when', 'why', 'how', 'which', 'who', 'whom', 'whose']);
const PRONOUNS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it']);
/** Words people put before the question ("hi, can I…", "so do I…", "please, is it…"). */
const OPENERS = new Set(['hi', 'hello', 'hey', 'so', 'ok', 'okay', 'please', 'and', 'but', 'also', 'sorry', 'excuse', 'me', 'then', 'well', 'quick', 'question']);

/** One clause, as normalised words. */
function isYesNoClause(words: readonly string[]): boolean {
    if (words.some((word) => TURKISH_QUESTION_WORDS.has(word))) return false;
    const particles = words.filter((word) => PARTICLE.test(word) || glued(word)).length;
    // "e-imza ile mi, e-devlet ile mi": an either-or question, not a yes/no one.
    if (particles === 1) return true;
    if (particles > 1) return false;
    const first = words.find((word) => !OPENERS.has(word));
    if (first !== undefined && AUXILIARIES.has(first)) return true;
    // "after approving with e-İmza do I still…", "once approved, is there…": an asking auxiliary and
    // its pronoun, or "is/are there", with no question word before them.
    for (let i = 0; i + 1 < words.length; i++) {
        if (ENGLISH_QUESTION_WORDS.has(words[i])) return false;
        if (ASKING_AUXILIARIES.has(words[i]) && PRONOUNS.has(words[i + 1])) return true;
        if ((words[i] === 'is' || words[i] === 'are') && words[i + 1] === 'there') return true;
    }
    return false;
}

/** A text asks yes or no when one of its clauses does ("kartım kayboldu, yeniden başvurmam gerekir mi"). */
export function isYesNoQuestion(text: string): boolean {
    const parts = clauses(text);
    return (parts.length ? parts.map((part) => part.text) : [text]).some((part) => isYesNoClause(tokenize(part)));
}
