/**
 * Turkish-aware text normalisation for the recognizer.
 *
 * People type "E-İMZA ÜCRETİ", "eimza ucreti", "e imza ücretttt" or "sms'im gelmedi" for the same
 * thing. Every example and every question goes through `normalize`, so whatever is folded here is
 * folded on both sides and compares equal. Turkish letters are written as \u escapes: sentences live
 * in locale files, never in code.
 */

/** Dotless ı: the one Turkish letter that Unicode decomposition does not map to a plain letter. */
const DOTLESS_I = /\u0131/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Typographic and accidental apostrophes, all read as "'". */
const APOSTROPHES = /[\u2019\u2018\u02bc\u00b4`]/g;

/**
 * Spellings of the same word, applied to folded text (lower case, no diacritics, punctuation still in).
 * Order matters: longer phrases first. Every pattern matches in time linear in the text: the gaps
 * inside a word ("e - imza") are bounded, and no two unbounded parts compete for the same characters.
 */
const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
    // English negations keep their "not" before apostrophe suffixes are dropped: "didn't" → "didnt".
    [/n't\b/g, 'nt'],
    // e-imza: "e-imza", "e imza", "e.imza", "eimza", "elektronik imza", "e-signature", "electronic signature".
    [/\belektronik\s{1,3}imza/g, 'eimza'],
    [/\belectronic\s{1,3}signature/g, 'eimza'],
    [/\be[\s\-_.]{0,3}imza/g, 'eimza'],
    [/\be[\s\-_.]{0,3}signature/g, 'eimza'],
    [/\be[\s\-_.]{0,3}sign\b/g, 'eimza'],
    // e-Devlet, e-posta / e-mail, KamuSM.
    [/\be[\s\-_.]{0,3}devlet/g, 'edevlet'],
    [/\be[\s\-_.]{0,3}posta/g, 'eposta'],
    [/\be[\s\-_.]{0,3}mail/g, 'eposta'],
    [/\bmail/g, 'eposta'],
    [/\bkamu[\s\-_.]{0,3}sm\b/g, 'kamusm'],
    [/\bkamu\s{1,3}sertifikasyon\s{1,3}merkez\p{L}*/gu, 'kamusm'],
    // T.C. kimlik numarası.
    [/\bt\s{0,3}\.\s{0,3}c\s{0,3}\.?/g, 'tc '],
    // Turkish case suffixes after an apostrophe: "sms'im" → "sms", "KamuSM'ye" → "kamusm".
    // English "what's", "i'm", "library's" lose theirs the same way. (One letter before the
    // apostrophe, not a run of them: a run would be re-scanned from every letter of a long word.)
    [/(\p{L})'\p{L}*/gu, '$1'],
    // "250sn", "4haneli" → "250 sn".
    [/(\p{N})(\p{L})/gu, '$1 $2'],
    [/(\p{L})(\p{N})/gu, '$1 $2'],
];

/**
 * Lower case the Turkish way (İ→i, I→ı), then fold: ı→i, ş→s, ğ→g, ç→c, ö→o, ü→u, â→a.
 * The result has no Turkish letters, so "ŞİFRE", "Şifre" and "sifre" are equal.
 */
export function foldTurkish(text: string): string {
    return text.replace(APOSTROPHES, "'").toLocaleLowerCase('tr-TR').replace(DOTLESS_I, 'i').normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/** "ücretttt" → "ucret", "gelmediiii" → "gelmedi": every run of a repeated letter becomes one letter. */
function squeezeRepeats(text: string): string {
    return text.replace(/(\p{L})\1+/gu, '$1');
}

/** Folded, canonically spelled, punctuation-free text: words separated by single spaces. */
export function normalize(text: string): string {
    let folded = foldTurkish(text);
    for (const [pattern, replacement] of SPELLINGS) folded = folded.replace(pattern, replacement);
    return squeezeRepeats(folded.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim();
}

/** The normalised words of a text. */
export function tokenize(text: string): string[] {
    const normalized = normalize(text);
    return normalized ? normalized.split(' ') : [];
}

const TURKISH_LETTERS = /[\u00e7\u011f\u0131\u00f6\u015f\u00fc\u00c7\u011e\u0130\u00d6\u015e\u00dc]/;

/** True when the raw text has letters only Turkish uses (ç, ğ, ı, ö, ş, ü, İ). */
function hasTurkishLetters(text: string): boolean {
    return TURKISH_LETTERS.test(text);
}

/** The normalised form of each word typed with Turkish letters: evidence of Turkish. */
export function turkishLetterWords(text: string): string[] {
    return text.split(/\s+/).filter(hasTurkishLetters).flatMap(tokenize);
}
