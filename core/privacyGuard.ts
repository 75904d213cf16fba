import { digitView, INVISIBLE } from './digitView';
import type { Translator } from './i18n';
import { foldLetters } from './textMatch';

/**
 * Recognises secrets a user must never share with the bot (national ID number, SMS code, card
 * number, IBAN, password) so they are masked before anything stores, logs or repeats them.
 *
 * One linear pass: the text is cut into whitespace-separated chunks (with their Turkish-folded
 * leading word) and digit groups, and every detector looks at a bounded neighbourhood of those
 * tokens. There is no regular expression that could backtrack over the whole text, and no more
 * than `PRIVACY_EXAMINED_CHARS` characters are examined at all: the rest is cut off.
 */
export type SensitiveKind = 'nationalId' | 'cardNumber' | 'iban' | 'smsCode' | 'password';

export interface PrivacyFinding {
    kinds: SensitiveKind[];
    redacted: string;
}

export const REDACTION_MARK = '•••';

/** No more of a text is examined (or kept): what follows is replaced by one `REDACTION_MARK`. */
export const PRIVACY_EXAMINED_CHARS = 4000;

/** Nothing but the secret (and a word or two around it) was written: there is nothing to act on. */
export function onlySecret(redacted: string): boolean {
    const words = redacted
        .split(REDACTION_MARK)
        .join(' ')
        .split(/[^\p{L}]+/u)
        .filter((word) => word.length > 1);
    return words.length <= 1;
}

/** Words that announce a secret, in every language the bot speaks (from locales/<lang>/privacy.json). */
interface PrivacyKeywords {
    password: string[];
    code: string[];
    /** Joins a keyword to its value, as "is" does in "my password is …". */
    saying: string[];
    /** Words that make the number next to them a phone number, not a code ("kısa kod 1093", "dahili 3503"). */
    phone?: string[];
    /** "numara", "no", "number": right after a password or code keyword they join it to its value ("PIN numaram 1234"). */
    number?: string[];
    /** The card's own secrets: a 4–8 digit number within reach of them is always masked ("PIN'i kartın arkasında 1234"). */
    pin?: string[];
    /** Words a received code follows ("telefonuma gelen 482913"), read after the word only. */
    received?: string[];
    /** "My password" on its own: the next word is the value, even in lower case ("şifrem kediler"). */
    possessive?: string[];
    /** Beginnings of words that talk about a password rather than give it ("şifrem yanlış", "şifrem kilitlendi"). */
    talkingAbout?: string[];
}

export type PrivacyInspector = (text: string) => PrivacyFinding;

function isNationalId(digits: string): boolean {
    if (digits.length !== 11 || digits[0] === '0') return false;
    // Without arrays: it runs for every 11-digit window of every text.
    const d = (index: number) => digits.charCodeAt(index) - 48;
    const odd = d(0) + d(2) + d(4) + d(6) + d(8);
    const even = d(1) + d(3) + d(5) + d(7);
    const tenth = (((odd * 7 - even) % 10) + 10) % 10;
    return d(9) === tenth && d(10) === (odd + even + d(9)) % 10;
}

function passesLuhn(digits: string): boolean {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
        let n = Number(digits[digits.length - 1 - i]);
        if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
        sum += n;
    }
    return sum % 10 === 0;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
const isSpace = (char: string | undefined) => char !== undefined && /\s/u.test(char);
const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);
/** Between two digit groups of one number as people write it: "100 000 001 46", "4111.1111.1111.1111", "4111-1111". */
const STRICT_SEPARATORS = new Set([' ', '.', '-', '\u00a0', '\u202f']);
/** One of these, with spaces or invisible characters around it, also joins two groups: "100,000", "100 - 000", "4111/1111". */
const LOOSE_PUNCTUATION = new Set(['.', '-', ',', '/', '_', '\u2013', '\u2014']);
/** A password value may end a sentence; these are not part of it when judging it. */
const TRAILING_PUNCTUATION = new Set([...'.,;:!?)]"\'’”»']);

/** The value without the punctuation that ends its sentence (a loop: a regex would rescan a run of dots from each one). */
function withoutTrailingPunctuation(raw: string): string {
    let end = raw.length;
    while (end > 0 && TRAILING_PUNCTUATION.has(raw[end - 1])) end--;
    return raw.slice(0, end);
}

/**
 * How the text between two digit groups joins them into one number: `strict` for the one space,
 * dot or dash people put between groups; `loose` for up to three characters of spaces, tabs, line
 * breaks or invisible characters with at most one comma, slash, underscore, dot or dash ("100,000,001,46",
 * "100 - 000", "100\t000", "4111/1111"); undefined when it separates two numbers.
 */
function joinOf(gap: string): 'strict' | 'loose' | undefined {
    if (gap.length === 1 && STRICT_SEPARATORS.has(gap)) return 'strict';
    if (gap.length === 0 || gap.length > 3) return undefined;
    let punctuation = 0;
    for (const char of gap) {
        if (LOOSE_PUNCTUATION.has(char)) punctuation++;
        else if (!isSpace(char) && !INVISIBLE.has(char)) return undefined;
    }
    return punctuation <= 1 ? 'loose' : undefined;
}

/** A whitespace-separated piece of the text, with its leading word folded for keyword matching. */
interface Chunk {
    start: number;
    end: number;
    raw: string;
    /** The letters at the start of the chunk (after any opening punctuation), Turkish-folded. */
    word: string;
    /** Where that word ends in the text. */
    wordEnd: number;
}

/** A maximal run of ASCII digits. */
interface DigitGroup {
    start: number;
    end: number;
    digits: string;
    /** The text joining it to the next group of the same number, if any. */
    joinNext?: string;
    /** That join is a loose one (see `joinOf`). */
    looseNext?: boolean;
}

interface Span {
    start: number;
    end: number;
    kind: SensitiveKind;
}

function chunksOf(text: string): Chunk[] {
    const chunks: Chunk[] = [];
    let i = 0;
    while (i < text.length) {
        while (i < text.length && isSpace(text[i])) i++;
        if (i >= text.length) break;
        const start = i;
        while (i < text.length && !isSpace(text[i])) i++;
        const raw = text.slice(start, i);
        let wordStart = 0;
        while (wordStart < raw.length && !isLetter(raw[wordStart]) && !isDigit(raw[wordStart])) wordStart++;
        let wordEnd = wordStart;
        while (wordEnd < raw.length && isLetter(raw[wordEnd])) wordEnd++;
        chunks.push({ start, end: i, raw, word: foldLetters(raw.slice(wordStart, wordEnd)), wordEnd: start + wordEnd });
    }
    return chunks;
}

function digitGroupsOf(text: string): DigitGroup[] {
    const groups: DigitGroup[] = [];
    let i = 0;
    while (i < text.length) {
        if (!isDigit(text[i])) {
            i++;
            continue;
        }
        const start = i;
        while (i < text.length && isDigit(text[i])) i++;
        const previous = groups.at(-1);
        const join = previous && start - previous.end <= 3 ? joinOf(text.slice(previous.end, start)) : undefined;
        if (previous && join) {
            previous.joinNext = text.slice(previous.end, start);
            previous.looseNext = join === 'loose';
        }
        groups.push({ start, end: i, digits: text.slice(start, i) });
    }
    return groups;
}

/** Cuts a too long text where a word ends, so no secret is left half visible at the cut. */
function examinedPart(text: string): { examined: string; cut: boolean } {
    if (text.length <= PRIVACY_EXAMINED_CHARS) return { examined: text, cut: false };
    let end = PRIVACY_EXAMINED_CHARS;
    while (end > 0 && !isSpace(text[end])) end--;
    // One endless "word": cut inside it, but never between the halves of a surrogate pair.
    if (end === 0) {
        end = PRIVACY_EXAMINED_CHARS;
        const code = text.charCodeAt(end - 1);
        if (code >= 0xd800 && code <= 0xdbff) end--;
    }
    return { examined: text.slice(0, end), cut: true };
}

interface FoldedKeywords {
    password: string[];
    code: string[];
    saying: Set<string>;
    phone: string[];
    number: string[];
    pin: string[];
    received: string[];
    possessive: Set<string>;
    talkingAbout: string[];
}

const startsWithAny = (word: string, keywords: readonly string[]) => word !== '' && keywords.some((keyword) => word.startsWith(keyword));
/** "no" and "nr" only as themselves ("normal" is no number word); longer ones with their suffixes ("numaranız"). */
const isNumberWord = (word: string, keywords: FoldedKeywords) => word !== '' && keywords.number.some((number) => (number.length <= 3 ? word === number : word.startsWith(number)));

/**
 * The inspector for one set of keywords. Each detector works on the tokens of one text in time
 * proportional to its length; they mark spans, which are then replaced in one go.
 */
function createPrivacyInspector(keywords: PrivacyKeywords): PrivacyInspector {
    const fold = (words: readonly string[]) => [...new Set(words.map((word) => foldLetters(word.trim())).filter(Boolean))];
    const folded: FoldedKeywords = {
        password: fold(keywords.password),
        code: fold(keywords.code),
        saying: new Set(fold(keywords.saying)),
        phone: fold(keywords.phone ?? []),
        number: fold(keywords.number ?? []),
        pin: fold(keywords.pin ?? []),
        received: fold(keywords.received ?? []),
        possessive: new Set(fold(keywords.possessive ?? [])),
        talkingAbout: fold(keywords.talkingAbout ?? []),
    };
    return (text) => inspect(text, folded);
}

function inspect(text: string, keywords: FoldedKeywords): PrivacyFinding {
    const { examined, cut } = examinedPart(text);
    // Detectors read every digit as 0–9; the spans they mark are masked in the text as written.
    const view = digitView(examined);
    const chunks = chunksOf(view);
    const groups = digitGroupsOf(view);
    const spans: Span[] = [];
    // Which characters a span already covers: overlap checks cost the span's length, not the span count.
    const covered = new Uint8Array(examined.length);
    const taken = (start: number, end: number) => {
        for (let i = start; i < end; i++) if (covered[i]) return true;
        return false;
    };
    const mark = (start: number, end: number, kind: SensitiveKind) => {
        if (start >= end || taken(start, end)) return;
        covered.fill(1, start, end);
        spans.push({ start, end, kind });
    };

    if (isBareCode(view, groups)) {
        spans.push({ start: 0, end: examined.length, kind: 'smsCode' });
    } else {
        findNumbers(view, groups, mark);
        findCodes(view, chunks, groups, keywords, mark);
        findPasswords(chunks, keywords, mark, taken);
    }

    spans.sort((a, b) => a.start - b.start);
    let redacted = '';
    let at = 0;
    for (const span of spans) {
        // A digit written outside the Basic Multilingual Plane is two UTF-16 units: masked whole.
        const end = isLowSurrogate(examined.charCodeAt(span.end)) ? span.end + 1 : span.end;
        redacted += examined.slice(at, span.start) + REDACTION_MARK;
        at = end;
    }
    redacted += examined.slice(at);
    if (cut) redacted = `${redacted.trimEnd()} ${REDACTION_MARK}`;
    const kinds = [...new Set(spans.map((span) => span.kind))];
    return { kinds, redacted: spans.length === 0 && !cut ? text : redacted };
}

/** A message that is only a 4–8 digit number (maybe in groups) is most likely an SMS code typed into the wrong window. */
function isBareCode(text: string, groups: DigitGroup[]): boolean {
    if (groups.length === 0 || groups.length > 4) return false;
    const first = groups[0];
    const last = groups[groups.length - 1];
    if (text.slice(0, first.start).trim() !== '' || text.slice(last.end).trim() !== '') return false;
    if (groups.slice(0, -1).some((group) => group.joinNext !== ' ')) return false;
    const total = groups.reduce((sum, group) => sum + group.digits.length, 0);
    return total >= 4 && total <= 8;
}

/** Longest number an ID, card or IBAN can be, in digits: windows never look further. */
const LONGEST_NUMBER = 24;

/**
 * National ID numbers, card numbers and IBANs, written in one piece or in groups. From each
 * group, the longest run of joined groups that is one of them is masked.
 */
function findNumbers(text: string, groups: DigitGroup[], mark: (start: number, end: number, kind: SensitiveKind) => void): void {
    let i = 0;
    while (i < groups.length) {
        let best: { end: number; kind: SensitiveKind; start: number } | undefined;
        let digits = '';
        const shape = { grouped: false, loose: false, fours: true, trPrefix: ibanPrefixLength(text, groups[i].start) > 0 };
        for (let j = i; j < groups.length; j++) {
            digits += groups[j].digits;
            if (digits.length > LONGEST_NUMBER) break;
            const kind = numberKind(digits, shape);
            if (kind) best = { end: j, kind, start: kind === 'iban' ? groups[i].start - ibanPrefixLength(text, groups[i].start) : groups[i].start };
            if (groups[j].joinNext === undefined) break;
            shape.grouped = true;
            shape.loose ||= !!groups[j].looseNext;
            shape.fours &&= groups[j].digits.length === 4;
        }
        if (best) {
            mark(best.start, groups[best.end].end, best.kind);
            i = best.end + 1;
        } else {
            i++;
        }
    }
}

/** "TR" (any case) right before the first group, glued or after one space, and not the end of a longer word. */
function ibanPrefixLength(text: string, start: number): number {
    for (const length of [2, 3]) {
        const prefix = text.slice(start - length, start);
        if (/^tr ?$/iu.test(prefix) && (length === 3 ? prefix.endsWith(' ') : true) && !isLetter(text[start - length - 1])) return length;
    }
    return 0;
}

interface NumberShape {
    /** Written in more than one group. */
    grouped: boolean;
    /** Some groups joined loosely ("4111/1111", "100,000"): then only the shapes cards and IBANs are printed in count. */
    loose: boolean;
    /** Every group but the last has four digits, as cards and IBANs are printed. */
    fours: boolean;
    trPrefix: boolean;
}

function numberKind(digits: string, shape: NumberShape): SensitiveKind | undefined {
    // 24 digits are an IBAN's, with or without its "TR".
    if (digits.length === 24) return !shape.loose || shape.fours || shape.trPrefix ? 'iban' : undefined;
    if (digits.length >= 13 && digits.length <= 19 && (!shape.loose || shape.fours) && passesLuhn(digits)) return 'cardNumber';
    if (digits.length === 11 && digits[0] !== '0') {
        // Over-masking is cheaper than a leak: any 11 digits in one piece not starting with 0 (phones
        // do) count; pieces joined from groups must also pass the checksum, so phone numbers stay.
        if (!shape.grouped || isNationalId(digits)) return 'nationalId';
    }
    return undefined;
}

/** Between the groups of one code: "482 913", "482-913" (not a dot: "12.03" is a date). */
const CODE_JOINERS = new Set([' ', '-', '\u00a0']);
/** How far after a code keyword its value may stand ("SMS kodu olarak 4829 geldi"). */
const CODE_REACH = 3;

/**
 * SMS codes: 4–8 digits (maybe in groups of digits joined by spaces) after a code keyword
 * ("doğrulama kodu 482 913") or right before one ("482913 kodunu girdim"). A keyword or a number
 * next to a phone word ("kısa kod 1093", "dahili 3503") is a phone number, not a code.
 */
function findCodes(text: string, chunks: Chunk[], groups: DigitGroup[], keywords: FoldedKeywords, mark: (start: number, end: number, kind: SensitiveKind) => void): void {
    const isPhoneWord = (index: number) => index >= 0 && index < chunks.length && startsWithAny(chunks[index].word, keywords.phone);
    const groupIndexFrom = new Map<number, number>(groups.map((group, index) => [group.start, index]));
    const groupIndexUntil = new Map<number, number>(groups.map((group, index) => [group.end, index]));

    /** The code that starts with group `index`, joined by single spaces, 4–8 digits, not glued to letters. */
    const codeFrom = (index: number): { start: number; end: number } | undefined => {
        const first = groups[index];
        if (isLetter(text[first.start - 1]) || text[first.start - 1] === '#') return undefined;
        let digits = 0;
        let best: { start: number; end: number } | undefined;
        for (let j = index; j < groups.length; j++) {
            digits += groups[j].digits.length;
            if (digits > 8) break;
            if (digits >= 4 && !isLetter(text[groups[j].end])) best = { start: first.start, end: groups[j].end };
            if (!CODE_JOINERS.has(groups[j].joinNext ?? '')) break;
        }
        return best;
    };
    /** The code that ends with group `index`, read backwards. */
    const codeUntil = (index: number): { start: number; end: number } | undefined => {
        const last = groups[index];
        if (isLetter(text[last.end]) && !isDigit(text[last.end])) return undefined;
        let digits = 0;
        let best: { start: number; end: number } | undefined;
        for (let j = index; j >= 0; j--) {
            digits += groups[j].digits.length;
            if (digits > 8) break;
            if (digits >= 4 && !isLetter(text[groups[j].start - 1]) && text[groups[j].start - 1] !== '#') best = { start: groups[j].start, end: last.end };
            if (j === 0 || !CODE_JOINERS.has(groups[j - 1].joinNext ?? '')) break;
        }
        return best;
    };

    // "doğrulama numarası 482913": a number word right after the keyword names the code, not a phone.
    const isPhoneWordAfter = (index: number, keyword: number) => isPhoneWord(index) && !(index === keyword + 1 && isNumberWord(chunks[index].word, keywords));
    for (let k = 0; k < chunks.length; k++) {
        const received = startsWithAny(chunks[k].word, keywords.received);
        if (!received && (!startsWithAny(chunks[k].word, keywords.code) || isPhoneWord(k - 1))) continue;
        // After the keyword: the first number within reach, unless it belongs to a phone word.
        for (let next = k; next <= Math.min(chunks.length - 1, k + CODE_REACH); next++) {
            const chunk = chunks[next];
            const from = next === k ? chunk.wordEnd : chunk.start;
            const digitAt = firstDigit(text, from, chunk.end);
            if (digitAt === undefined) continue;
            const index = groupIndexFrom.get(digitAt);
            const code = index === undefined || (next - 1 !== k && isPhoneWordAfter(next - 1, k)) ? undefined : codeFrom(index);
            if (code) mark(code.start, code.end, 'smsCode');
            break;
        }
        // Before the keyword: the number that ends the previous chunk ("482913 kodunu girdim"; a code
        // arrives before "gelen" only in the odd sentence, a year often: "2026'da gelen kart").
        const previous = chunks[k - 1];
        if (!received && previous && isDigit(lastDigitLike(previous.raw)) && !isPhoneWord(k - 2)) {
            const index = groupIndexUntil.get(previous.start + lastDigitEnd(previous.raw));
            const code = index === undefined ? undefined : codeUntil(index);
            if (code) mark(code.start, code.end, 'smsCode');
        }
    }
}

function firstDigit(text: string, from: number, to: number): number | undefined {
    for (let i = from; i < to; i++) if (isDigit(text[i])) return i;
    return undefined;
}

/** The chunk's last character once a Turkish suffix ("482913'ü") or punctuation is set aside. */
function lastDigitLike(raw: string): string | undefined {
    const end = lastDigitEnd(raw);
    return end > 0 ? raw[end - 1] : undefined;
}

/** Where the chunk's number ends: before a suffix after an apostrophe, or before trailing punctuation. */
function lastDigitEnd(raw: string): number {
    let end = raw.length;
    const apostrophe = Math.max(raw.lastIndexOf("'"), raw.lastIndexOf('’'));
    if (apostrophe > 0 && isDigit(raw[apostrophe - 1])) end = apostrophe;
    while (end > 0 && !isDigit(raw[end - 1]) && !isLetter(raw[end - 1])) end--;
    return end;
}

/** What a password looks like when nothing else says so: a digit, a symbol, or a capital inside. */
function looksLikeSecret(raw: string): boolean {
    const value = withoutTrailingPunctuation(raw);
    if ([...value].length < 4) return false;
    // "2026'da", "Abc'yi": a word or number with a Turkish suffix is not a password.
    if (/^[\p{L}\p{N}]+['’]\p{L}+$/u.test(value)) return false;
    return /\d/.test(value) || /[^\p{L}\p{N}'’-]/u.test(value) || /\p{Ll}\p{Lu}/u.test(value);
}

const SEPARATOR_CHUNKS = new Set([':', '=', '-', '–', '—', '->', '=>']);
/** How many keywords and joining words may stand between a password keyword and its value ("PIN kodum şu: 1234"). */
const PASSWORD_REACH = 3;

/**
 * Passwords: the value after a password keyword when a colon, an equals sign or a joining word
 * announces it ("şifrem: …", "my password is hunter2", "PIN numaram 1234") or when it looks like
 * one ("şifre x9y4"); any word right after "şifrem" that does not talk about it ("şifrem kediler");
 * 4–8 digits within reach of "PIN" or "PUK"; or a password-like chunk right before the keyword
 * ("Abc12345 şifremle giremiyorum").
 */
function findPasswords(chunks: Chunk[], keywords: FoldedKeywords, mark: (start: number, end: number, kind: SensitiveKind) => void, taken: (start: number, end: number) => boolean): void {
    const isKeyword = (chunk: Chunk) => startsWithAny(chunk.word, keywords.password) || startsWithAny(chunk.word, keywords.code);
    /** "şifrem kediler": a plain word of four letters or more that is no word about the password itself. */
    const followsPossessive = (keyword: Chunk, value: Chunk) => {
        if (!keywords.possessive.has(keyword.word) || keyword.wordEnd !== keyword.end) return false;
        const bare = withoutTrailingPunctuation(value.raw);
        return /^\p{L}{4,}$/u.test(bare) && !isKeyword(value) && !keywords.saying.has(value.word) && !isNumberWord(value.word, keywords) && !startsWithAny(value.word, keywords.talkingAbout);
    };
    /** The card's PIN or PUK: 4–8 digits within reach are one, whatever stands between ("PIN'i kartın arkasında 1234"). */
    const markPinWithinReach = (k: number): boolean => {
        for (let next = k + 1; next < chunks.length && next <= k + PASSWORD_REACH; next++) {
            const chunk = chunks[next];
            const digits = withoutTrailingPunctuation(chunk.raw);
            if (/^\d{4,8}$/.test(digits) && !taken(chunk.start, chunk.start + digits.length)) {
                mark(chunk.start, chunk.start + digits.length, 'password');
                return true;
            }
        }
        return false;
    };
    for (let k = 0; k < chunks.length; k++) {
        const keyword = chunks[k];
        if (!startsWithAny(keyword.word, keywords.password)) continue;
        // Glued: "pwd:hunter2", "şifre=abc".
        const glued = keyword.raw.slice(keyword.wordEnd - keyword.start);
        if (/^[:=]./u.test(glued)) {
            mark(keyword.wordEnd + 1, keyword.end, 'password');
            continue;
        }
        // The keyword is the password's own start: "password123", "Şifre2024!".
        if (/^\d/u.test(glued) && looksLikeSecret(keyword.raw)) {
            mark(keyword.start, keyword.end, 'password');
            continue;
        }
        let explicit = /^[:=]$/u.test(glued);
        let saying = false;
        let next = k + 1;
        // Separators, joining words and other keywords ("PIN kodum şu: 1234") lead to the value.
        while (next < chunks.length && next <= k + PASSWORD_REACH) {
            const chunk = chunks[next];
            const tail = chunk.raw.slice(chunk.wordEnd - chunk.start);
            const joins = keywords.saying.has(chunk.word) || isKeyword(chunk) || isNumberWord(chunk.word, keywords);
            const leads = SEPARATOR_CHUNKS.has(chunk.raw) || (joins && (tail === '' || /^[:=]$/u.test(tail)));
            if (!leads) break;
            if (keywords.saying.has(chunk.word) && tail === '') saying = true;
            else if (SEPARATOR_CHUNKS.has(chunk.raw) || tail !== '') explicit = true;
            next++;
        }
        const value = chunks[next];
        if (value && !taken(value.start, value.end) && (explicit || looksLikeSecret(value.raw) || (next === k + 1 && followsPossessive(keyword, value)))) {
            // A comma after it ends the clause, not the password: "PIN numaranız •••, PUK…".
            mark(value.start, value.raw.length > 1 && value.raw.endsWith(',') ? value.end - 1 : value.end, 'password');
            continue;
        }
        if (startsWithAny(keyword.word, keywords.pin) && markPinWithinReach(k)) continue;
        if (saying || explicit) continue;
        // Turkish puts the value first: "Abc12345 şifremle giremiyorum", "1234 pinimi girdim".
        const previous = chunks[k - 1];
        if (previous && !isKeyword(previous) && !taken(previous.start, previous.end) && looksLikePasswordBefore(previous.raw)) mark(previous.start, previous.end, 'password');
    }
}

/** Before the keyword only a chunk that mixes letters and digits, or 4–8 digits, is taken for a password. */
function looksLikePasswordBefore(raw: string): boolean {
    const value = withoutTrailingPunctuation(raw);
    if (/^\d{4,8}$/.test(value)) return true;
    return looksLikeSecret(value) && /\d/.test(value) && /\p{L}/u.test(value);
}

/** The inspector with the keywords of every language the bot speaks (locales/<lang>/privacy.json). */
export function localePrivacyInspector(translator: Translator): PrivacyInspector {
    return createPrivacyInspector({
        password: translator.allLanguages('privacy.keywords.password'),
        code: translator.allLanguages('privacy.keywords.code'),
        saying: translator.allLanguages('privacy.keywords.saying'),
        phone: translator.allLanguages('privacy.keywords.phone'),
        number: translator.allLanguages('privacy.keywords.number'),
        pin: translator.allLanguages('privacy.keywords.pin'),
        received: translator.allLanguages('privacy.keywords.received'),
        possessive: translator.allLanguages('privacy.keywords.possessive'),
        talkingAbout: translator.allLanguages('privacy.keywords.talkingAbout'),
    });
}

/** Between the digit groups of one phone number: "0532 123 45 67", "(0212) 523-22-88", "0212.523.22.88". */
const PHONE_JOINERS = new Set([' ', '\t', '-', '.', '(', ')', '/', '\u00a0']);
const PHONE_DIGITS = { min: 10, max: 13 };

/**
 * For text kept without the person who wrote it (the question log, and through it the library's
 * report and the weekly digest): e-mail addresses and phone numbers are masked as well, in any
 * script's digits. The privacy guard's secrets are masked before the text gets here.
 */
export function maskContactDetails(text: string): string {
    const view = digitView(text);
    const spans: Array<{ start: number; end: number }> = [];
    for (const chunk of chunksOf(view)) {
        const at = chunk.raw.indexOf('@');
        if (at < 0) continue;
        let start = 0;
        while (start < at && /[<("'[]/u.test(chunk.raw[start])) start++;
        const address = withoutTrailingPunctuation(chunk.raw).replace(/[>)\]]+$/u, '');
        const domain = address.slice(at + 1);
        if (at > start && domain.includes('.') && !domain.endsWith('.')) spans.push({ start: chunk.start + start, end: chunk.start + address.length });
    }
    const groups = digitGroupsOf(view);
    const joined = (index: number) => {
        const gap = view.slice(groups[index].end, groups[index + 1].start);
        return gap.length <= 3 && [...gap].every((char) => PHONE_JOINERS.has(char));
    };
    let i = 0;
    while (i < groups.length) {
        let digits = 0;
        let best: number | undefined;
        for (let j = i; j < groups.length; j++) {
            digits += groups[j].digits.length;
            if (digits > PHONE_DIGITS.max) break;
            if (digits >= PHONE_DIGITS.min) best = j;
            if (j + 1 >= groups.length || !joined(j)) break;
        }
        if (best === undefined) {
            i++;
            continue;
        }
        const plus = view[groups[i].start - 1] === '+' ? 1 : 0;
        spans.push({ start: groups[i].start - plus, end: groups[best].end });
        i = best + 1;
    }
    if (spans.length === 0) return text;
    spans.sort((a, b) => a.start - b.start);
    let masked = '';
    let at = 0;
    for (const span of spans) {
        if (span.start < at) continue;
        const end = isLowSurrogate(text.charCodeAt(span.end)) ? span.end + 1 : span.end;
        masked += text.slice(at, span.start) + REDACTION_MARK;
        at = end;
    }
    return masked + text.slice(at);
}
