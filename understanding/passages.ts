/**
 * The parts of a long message worth asking the classifier about on their own. People write
 * "Merhaba, ben kardiyolojide çalışıyorum. Geçen hafta başvurdum. SMS kodu gelmiyor, ne yapmalıyım?
 * Teşekkürler": the greeting and the story dilute the question's words, so each clause, and each
 * clause with its neighbour (the question often leans on the sentence before it), is tried too.
 */

/** Sentence ends and clause breaks; a hyphen or an apostrophe inside a word is no break. */
const BREAKS = /[.!?;:\n\u2026]+|,\s+/u;
/** More clauses than this are not all tried: a very long message is judged on its first ones. */
const MAX_CLAUSES = 10;
/** Letters (any script) in a clause, to leave out crumbs such as "T" of "T.C.". */
const LETTERS = /\p{L}/gu;

export interface Passage {
    text: string;
    /** Ends with a question mark: a hint that this is what the person asks. */
    question: boolean;
}

/** The clauses of a text in order (at most MAX_CLAUSES), each with whether it was a question. */
export function clauses(text: string): Passage[] {
    const found: Passage[] = [];
    let rest = text;
    while (rest.length > 0 && found.length < MAX_CLAUSES) {
        const match = BREAKS.exec(rest);
        const end = match ? match.index : rest.length;
        const clause = rest.slice(0, end).trim();
        if ((clause.match(LETTERS)?.length ?? 0) >= 2) found.push({ text: clause, question: !!match && match[0].includes('?') });
        rest = match ? rest.slice(end + match[0].length) : '';
    }
    return found;
}

/** Each clause, and each pair of neighbouring clauses, of a message that has more than one; `aside`: clauses that ask nothing (left out). */
export function passages(text: string, aside: (clause: string) => boolean = () => false): Passage[] {
    const parts = clauses(text).filter((part) => !aside(part.text));
    if (parts.length < 2) return [];
    const pairs = parts.slice(1).map((part, index) => ({ text: `${parts[index].text}, ${part.text}`, question: part.question || parts[index].question }));
    return [...parts, ...pairs];
}
