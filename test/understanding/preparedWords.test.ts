import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fromRoot } from '../../core/projectPaths';
import { loadConcepts } from '../../understanding/concepts';
import { buildKnowledgeBase, loadKnowledgeContent, type KnowledgeContent } from '../../understanding/knowledgeBase';
import { tokenize } from '../../understanding/normalize';
import { GUIDE_WORDS_FILE, readPreparedWords, writePreparedWords } from '../../understanding/preparedWords';
import { LANGUAGES } from '../../understanding/types';

const scratch = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-words-')), 'words.json');

/** Every example text of the guide, both languages. */
function exampleTexts(content: KnowledgeContent): string[] {
    return LANGUAGES.flatMap((language) => Object.values(content.examples[language] ?? {}).flat());
}

describe("the examples' words worked out by the build (understanding/preparedWords.ts)", () => {
    const content = loadKnowledgeContent();

    it('the build left them, and for every example they are what tokenizing and the concepts give now', () => {
        assert.ok(content.preparedWords, `${GUIDE_WORDS_FILE} was written by the build for this code and vocabulary`);
        const texts = exampleTexts(content);
        assert.ok(texts.length > 1000);
        for (const text of texts) {
            const words = tokenize(text);
            assert.deepStrictEqual(content.preparedWords.words(text), words, text);
            assert.deepStrictEqual(content.preparedWords.seen(text), content.concepts.expand(words), text);
        }
    });

    it('the knowledge base built from them recognizes every example exactly as one that tokenizes them all again', () => {
        const withWords = buildKnowledgeBase(content).recognizer;
        const without = buildKnowledgeBase({ ...content, preparedWords: undefined }).recognizer;
        const texts = exampleTexts(content);
        for (const text of [...texts, ...texts.filter((_text, index) => index % 5 === 0).map((text) => `merhaba, ${text.toLocaleUpperCase('tr')} ?`)]) {
            for (const language of LANGUAGES) assert.deepStrictEqual(withWords.recognize(text, language), without.recognize(text, language), text);
        }
    });

    it('a text the file does not hold (edited locales, the library answers) is tokenized as before', () => {
        const prepared = content.preparedWords!;
        assert.strictEqual(prepared.words('otopark nerede acaba bu kampüste'), undefined);
        assert.strictEqual(prepared.seen('otopark nerede acaba bu kampüste'), undefined);
    });

    it('words worked out with another vocabulary are not used at all, nor a missing or broken file', () => {
        const file = scratch();
        writePreparedWords(file, content.examples, content.concepts);
        assert.ok(readPreparedWords(file, content.concepts), 'read back with the same vocabulary');
        const otherLocales = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-locales-'));
        for (const language of LANGUAGES) {
            fs.mkdirSync(path.join(otherLocales, language));
            const vocabulary = JSON.parse(fs.readFileSync(fromRoot('locales', language, 'vocabulary.json'), 'utf8')) as Record<string, string[]>;
            fs.writeFileSync(path.join(otherLocales, language, 'vocabulary.json'), JSON.stringify({ ...vocabulary, parking: ['otopark'] }));
        }
        assert.strictEqual(readPreparedWords(file, loadConcepts(otherLocales)), undefined, 'a concept added since');
        fs.writeFileSync(file, '{"stamp":');
        assert.strictEqual(readPreparedWords(file, content.concepts), undefined, 'a broken file');
        assert.strictEqual(readPreparedWords(path.join(path.dirname(file), 'missing.json'), content.concepts), undefined, 'no file');
    });

    it('the words handed out are copies: changing them changes nothing kept', () => {
        const prepared = content.preparedWords!;
        const text = exampleTexts(content)[0];
        const words = prepared.words(text)!;
        words.push('extra');
        prepared.seen(text)!.push('extra');
        assert.deepStrictEqual(prepared.words(text), tokenize(text));
        assert.deepStrictEqual(prepared.seen(text), content.concepts.expand(tokenize(text)));
    });
});
