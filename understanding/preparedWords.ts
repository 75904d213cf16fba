import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Concepts } from './concepts';
import { tokenize } from './normalize';
import { LANGUAGES, type Examples } from './types';

/**
 * The words of the guide's example questions, normalised and with their concepts, as `npm run build`
 * worked them out (tools/writeGuideClassifier.ts): read at start-up instead of worked out again for
 * every one of the ~2,300 examples (about 45 ms of a cold start, a third of building the knowledge base).
 * Beside the compiled code, and used only where it is exactly what the code would work out now:
 * - the whole file only when its stamp matches, that is when it was written by this very
 *   `normalize.js` and `concepts.js` with this very vocabulary (a changed rule or concept: ignored);
 * - per text: a text it does not hold (the locales edited since the build, the library's own answers)
 *   is tokenized as before.
 */
export const GUIDE_WORDS_FILE = path.join(__dirname, 'guideWords.json');

export interface PreparedWords {
    /** `tokenize(text)`, if the file holds the text. */
    words(text: string): string[] | undefined;
    /** `concepts.expand(tokenize(text))`, if the file holds the text. */
    seen(text: string): string[] | undefined;
}

/** Per text: its words, then the concepts found in them (what `expand` appends), when there are any. */
type Entry = [words: string[], concepts?: string[]];

interface WordsFile {
    stamp: string;
    texts: Record<string, Entry>;
}

/** What the words depend on: the code that makes them and the vocabulary. */
function stampOf(concepts: Concepts): string {
    const hash = createHash('sha256');
    for (const module of ['normalize.js', 'concepts.js']) hash.update(fs.readFileSync(path.join(__dirname, module))).update('\0');
    return hash.update(concepts.fingerprint).digest('hex');
}

/** Every example text of `examples` with its words and concepts, for `readPreparedWords` to read back. */
export function writePreparedWords(file: string, examples: Examples, concepts: Concepts): void {
    const texts: Record<string, Entry> = {};
    for (const language of LANGUAGES) {
        for (const questions of Object.values(examples[language] ?? {})) {
            for (const text of questions) {
                const words = tokenize(text);
                const found = concepts.expand(words).slice(words.length);
                texts[text] = found.length ? [words, found] : [words];
            }
        }
    }
    const content: WordsFile = { stamp: stampOf(concepts), texts };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(content));
}

/** The words kept in `file`, or undefined when there are none, they cannot be read or another code or vocabulary wrote them. */
export function readPreparedWords(file: string, concepts: Concepts): PreparedWords | undefined {
    let content: WordsFile;
    try {
        content = JSON.parse(fs.readFileSync(file, 'utf8')) as WordsFile;
        if (content.stamp !== stampOf(concepts) || typeof content.texts !== 'object' || content.texts === null) return undefined;
    } catch {
        return undefined;
    }
    const { texts } = content;
    const entry = (text: string): Entry | undefined => (Object.hasOwn(texts, text) ? texts[text] : undefined);
    return {
        // Copies: whoever gets them may keep or change them, the file's own stay as read.
        words: (text) => entry(text)?.[0].slice(),
        seen: (text) => {
            const found = entry(text);
            return found && [...found[0], ...(found[1] ?? [])];
        },
    };
}
