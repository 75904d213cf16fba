// Dotless i is the one Turkish letter that Unicode decomposition does not map to a plain letter.
const DOTLESS_I = /\u0131/g;

/**
 * Folds text for matching the way a Turkish reader would: Turkish case rules (İ→i, I→ı),
 * then diacritics dropped, so the capital and dotless forms of a word and its spelling without
 * Turkish letters compare equal (see test/bot/textMatch.test.ts for examples).
 */
export function foldText(text: string): string {
    return text
        .toLocaleLowerCase('tr-TR')
        .replace(DOTLESS_I, 'i')
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
}

export function sameText(a: string, b: string): boolean {
    return foldText(a) === foldText(b);
}
