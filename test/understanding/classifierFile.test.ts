import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readClassifier, writeClassifier } from '../../understanding/classifierFile';
import { buildKnowledgeBase, loadKnowledgeContent, trainGuideClassifier, type KnowledgeContent } from '../../understanding/knowledgeBase';
import { tfidfEngineFrom } from '../../understanding/tfidfEngine';
import type { Recognition } from '../../understanding/recognizer';

const QUESTIONS: [string, 'tr' | 'en'][] = [
    ['sms kodu gelmedi', 'tr'],
    ['e-imza ücretini kim ödüyor', 'tr'],
    ['başvuru formunu nereye getirmeliyim', 'tr'],
    ['şifremi unuttum ne yapmalıyım', 'tr'],
    ['how long does production take', 'en'],
    ['hava bugün nasıl', 'tr'],
];

const recognitions = (content: KnowledgeContent): Recognition[] => {
    const { recognizer } = buildKnowledgeBase(content);
    return QUESTIONS.map(([text, language]) => recognizer.recognize(text, language));
};

describe('the guide classifier kept by the build (understanding/classifierFile.ts)', () => {
    const trainedHere = loadKnowledgeContent(undefined, false);
    const model = trainGuideClassifier(trainedHere);

    it('reads back from its file exactly what was trained: every answer scores the same', () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-classifier-')), 'guide.bin');
        writeClassifier(file, model);
        const read = readClassifier(file);
        assert.ok(read, 'the file was read');
        assert.strictEqual(read.fingerprint, model.fingerprint);
        const words = ['sms', 'kodu', 'gelmedi'];
        assert.deepStrictEqual(tfidfEngineFrom(read).rank(words, 'sms kodu gelmedi'), tfidfEngineFrom(model).rank(words, 'sms kodu gelmedi'));
    });

    it('is the one `npm run build` left, and the bot recognizes with it what it recognizes when trained at start', () => {
        const content = loadKnowledgeContent();
        assert.strictEqual(content.guideClassifier?.fingerprint, model.fingerprint, 'dist/understanding/guideClassifier.bin is of the current examples');
        assert.deepStrictEqual(recognitions(content), recognitions(trainedHere));
    });

    it('is never used for other examples: a model of different ones is trained over', () => {
        const other = trainGuideClassifier({ ...trainedHere, examples: { tr: { fees: ['ücret ne kadar'] }, en: {} } });
        assert.notStrictEqual(other.fingerprint, model.fingerprint);
        assert.deepStrictEqual(recognitions({ ...trainedHere, guideClassifier: other }), recognitions(trainedHere));
    });

    it('an unreadable file means training, not a failure', () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-classifier-')), 'broken.bin');
        fs.writeFileSync(file, 'not a model');
        assert.strictEqual(readClassifier(file), undefined);
        assert.strictEqual(readClassifier(path.join(path.dirname(file), 'missing.bin')), undefined);
    });
});
