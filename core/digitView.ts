/**
 * Digits as the privacy guard reads them. "１０００…" (full-width), "١٠٠٠…" (Arabic-Indic) and every
 * other decimal digit Unicode knows are numbers too; a detector that knows only 0–9 would let them
 * through. The view has the text's length, so what is found in it is masked in the text itself.
 */

/** Characters nobody sees: between two digits they join them (a zero-width space, a soft hyphen…). */
export const INVISIBLE = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);

const DECIMAL_DIGIT = /\p{Nd}/u;
/** Digit value by code point, for the few non-ASCII digits a text holds. */
const values = new Map<number, string>();

/**
 * Unicode puts each script's digits 0–9 in one run of ten code points (some scripts' runs follow one
 * another): the digit's value is its distance from the start of the run, modulo ten.
 */
function digitValue(codePoint: number): string {
    let value = values.get(codePoint);
    if (value === undefined) {
        let start = codePoint;
        while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
        value = String((codePoint - start) % 10);
        if (values.size < 1000) values.set(codePoint, value);
    }
    return value;
}

/** A decimal digit other than 0–9: one native scan of the text. */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/u;

/**
 * The text with every decimal digit written 0–9, character for character: a digit outside the
 * Basic Multilingual Plane (two UTF-16 units) becomes its digit and an invisible joiner.
 */
export function digitView(text: string): string {
    if (!OTHER_DIGIT.test(text)) return text;
    let view = '';
    for (let i = 0; i < text.length; i++) {
        const code = text.codePointAt(i)!;
        const char = String.fromCodePoint(code);
        const astral = code > 0xffff;
        if (code > 0x7f && DECIMAL_DIGIT.test(char)) view += digitValue(code) + (astral ? '\u200b' : '');
        else view += char;
        if (astral) i++; // its second half was handled with the first
    }
    return view;
}
