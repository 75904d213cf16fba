import type { Translator } from './i18n';

/**
 * Recognises secrets a user must never share with the bot (national ID number, SMS code, card
 * number, IBAN, password) so they are masked before anything stores, logs or repeats them.
 */
export type SensitiveKind = 'nationalId' | 'cardNumber' | 'iban' | 'smsCode' | 'password';

export interface PrivacyFinding {
    kinds: SensitiveKind[];
    redacted: string;
}

/** Nothing but the secret (and a word or two around it) was written: there is nothing to act on. */
export function onlySecret(redacted: string): boolean {
    const words = redacted.split(REDACTION_MARK).join(' ').split(/[^\p{L}]+/u).filter((word) => word.length > 1);
    return words.length <= 1;
}

export const REDACTION_MARK = '•••';

function isNationalId(digits: string): boolean {
    if (!/^[1-9]\d{10}$/.test(digits)) return false;
    const d = [...digits].map(Number);
    const odd = d[0] + d[2] + d[4] + d[6] + d[8];
    const even = d[1] + d[3] + d[5] + d[7];
    const tenth = (((odd * 7 - even) % 10) + 10) % 10;
    const eleventh = d.slice(0, 10).reduce((sum, n) => sum + n, 0) % 10;
    return d[9] === tenth && d[10] === eleventh;
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

const onlyDigits = (text: string) => text.replace(/\D/g, '');
// JavaScript's \b knows ASCII letters only; these boundaries also respect ş, ğ, ı, …
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';

interface Detector {
    kind: SensitiveKind;
    pattern: RegExp;
    /** Returns the masked text, or undefined when the match is not really a secret. */
    mask: (match: string, ...groups: string[]) => string | undefined;
}

/** Words that announce a secret, in every language the bot speaks (from locales/<lang>/privacy.json). */
export interface PrivacyKeywords {
    password: string[];
    code: string[];
    /** Joins a keyword to its value, as "is" does in "my password is …". */
    saying: string[];
}

const escapeForRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (words: string[]) => words.map(escapeForRegExp).join('|');

// Order matters: longer, more specific numbers are masked before shorter patterns look.
function buildDetectors(keywords: PrivacyKeywords): Detector[] {
    return [
        {
            kind: 'iban',
            pattern: new RegExp(`${START}TR\\s?\\d{2}(?:[\\s-]?\\d){22}${END}`, 'giu'),
            mask: () => REDACTION_MARK,
        },
        {
            kind: 'cardNumber',
            pattern: new RegExp(`${START}\\d(?:[ -]?\\d){12,18}${END}`, 'gu'),
            mask: (match) => (passesLuhn(onlyDigits(match)) && !isNationalId(onlyDigits(match)) ? REDACTION_MARK : undefined),
        },
        {
            kind: 'nationalId',
            pattern: new RegExp(`${START}[1-9]\\d{10}${END}`, 'gu'),
            // Over-masking is cheaper than a leak: any 11 digits not starting with 0 (phones do) count.
            mask: () => REDACTION_MARK,
        },
        {
            kind: 'password',
            pattern: new RegExp(`${START}((?:${anyOf(keywords.password)})\\p{L}*)(\\s*(?:[:=]|(?:${anyOf(keywords.saying)})${END})?\\s*)(\\S+)`, 'giu'),
            // "I forgot my password" is a question; "password: abc" or "password x9y" is a secret.
            mask: (_match, keyword, separator, token) =>
                separator.trim() !== '' || /\d/.test(token) ? `${keyword}${separator}${REDACTION_MARK}` : undefined,
        },
        {
            kind: 'smsCode',
            pattern: new RegExp(`${START}((?:${anyOf(keywords.code)})\\p{L}*)([^\\d\\n]{0,20})\\d{4,8}${END}`, 'giu'),
            mask: (_match, keyword, between) => `${keyword}${between}${REDACTION_MARK}`,
        },
    ];
}

/** A message that is only a 4–8 digit number is most likely an SMS code typed into the wrong window. */
const BARE_CODE = /^\s*\d{4,8}\s*$/;

export type PrivacyInspector = (text: string) => PrivacyFinding;

export function createPrivacyInspector(keywords: PrivacyKeywords): PrivacyInspector {
    const detectors = buildDetectors(keywords);
    return (text) => {
        if (BARE_CODE.test(text)) return { kinds: ['smsCode'], redacted: REDACTION_MARK };
        const kinds = new Set<SensitiveKind>();
        let redacted = text;
        for (const detector of detectors) {
            redacted = redacted.replace(detector.pattern, (match: string, ...rest: unknown[]) => {
                // replace() passes the groups, then the offset and the whole text.
                const groups = rest.slice(0, -2).map((group) => (typeof group === 'string' ? group : ''));
                const masked = detector.mask(match, ...groups);
                if (masked === undefined) return match;
                kinds.add(detector.kind);
                return masked;
            });
        }
        return { kinds: [...kinds], redacted };
    };
}

/** The inspector with the keywords of every language the bot speaks (locales/<lang>/privacy.json). */
export function localePrivacyInspector(translator: Translator): PrivacyInspector {
    return createPrivacyInspector({
        password: translator.allLanguages('privacy.keywords.password'),
        code: translator.allLanguages('privacy.keywords.code'),
        saying: translator.allLanguages('privacy.keywords.saying'),
    });
}
