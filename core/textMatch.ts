// Dotless i is the one Turkish letter that Unicode decomposition does not map to a plain letter.
const DOTLESS_I = /\u0131/g;

/**
 * Folds text for matching the way a Turkish reader would: Turkish case rules (İ→i, I→ı),
 * then diacritics dropped, so the capital and dotless forms of a word and its spelling without
 * Turkish letters compare equal (see test/core/textMatch.test.ts for examples).
 */
export function foldText(text: string): string {
    return foldLetters(text)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
}

// The only letters whose Turkish lower case differs from the default (Unicode SpecialCasing, tr):
// I, İ and a combining dot above after I. Without them the default (much faster than ICU's locale
// lower case, which a turn pays for every word the privacy guard reads) gives the same text.
const TURKISH_CASING = /I|\u0130|\u0307/;

/** The case and diacritic folding of `foldText` alone: punctuation and spacing stay as they are. */
export function foldLetters(text: string): string {
    return (TURKISH_CASING.test(text) ? text.toLocaleLowerCase('tr-TR') : text.toLowerCase())
        .replace(DOTLESS_I, 'i')
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '');
}

export function sameText(a: string, b: string): boolean {
    return foldText(a) === foldText(b);
}
