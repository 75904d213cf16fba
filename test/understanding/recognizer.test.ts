import * as assert from 'node:assert';
import * as path from 'node:path';
import { decide } from '../../understanding/decide';
import { evaluateProject, formatReport, type ProjectEvaluation } from '../../understanding/evaluate';
import { loadExamples } from '../../understanding/loadExamples';
import { foldTurkish, normalize, tokenize } from '../../understanding/normalize';
import { createRecognizer, type Recognizer } from '../../understanding/recognizer';
import { projectRoot } from '../../core/projectPaths';

const root = projectRoot;

describe('understanding: normalisation', () => {
    it('lower-cases the Turkish way and folds Turkish letters', () => {
        assert.strictEqual(foldTurkish('İSTANBUL IŞIK Şifre ÇAĞRI Ödeme Ücret'), 'istanbul isik sifre cagri odeme ucret');
        assert.strictEqual(normalize('ŞİFRE'), normalize('sifre'));
    });

    it('writes every spelling of e-imza, e-Devlet and e-posta the same way', () => {
        for (const spelling of ['e-imza', 'e imza', 'eimza', 'E-İmza', 'e.imza', 'elektronik imza', 'e-signature', 'e signature']) {
            assert.strictEqual(normalize(spelling), 'eimza', spelling);
        }
        assert.strictEqual(normalize('e-Devlet'), normalize('edevlet'));
        assert.strictEqual(normalize('e-posta'), normalize('mail'));
        assert.strictEqual(normalize('KamuSM'), normalize('Kamu SM'));
    });

    it('squeezes repeated letters and drops suffixes after an apostrophe', () => {
        assert.strictEqual(normalize('ücretttt'), 'ucret');
        assert.strictEqual(normalize('gelmediiii'), normalize('gelmedi'));
        assert.deepStrictEqual(tokenize("sms'im gelmedi"), ['sms', 'gelmedi']);
        assert.deepStrictEqual(tokenize('KamuSM’ye giremiyorum'), ['kamusm', 'giremiyorum']);
        assert.deepStrictEqual(tokenize("I didn't get it"), ['i', 'didnt', 'get', 'it']);
    });

    it('drops punctuation and splits digits from letters', () => {
        assert.deepStrictEqual(tokenize('250sn doldu!!!'), ['250', 'sn', 'doldu']);
        assert.deepStrictEqual(tokenize('  ?!  '), []);
    });
});

describe('understanding: decision', () => {
    const thresholds = { sure: 0.5, margin: 0.1, unsure: 0.2, thirdRatio: 0.8, scale: 1 };

    it('is sure of a clear winner, unsure between close answers, and knows when nothing fits', () => {
        assert.deepStrictEqual(decide([{ id: 'fees', score: 0.9 }, { id: 'payment', score: 0.3 }], thresholds), { outcome: 'sure', answerId: 'fees', suggestions: [], confidence: 0.9 });
        const unsure = decide([{ id: 'fees', score: 0.6 }, { id: 'feesUserPays', score: 0.55 }, { id: 'payment', score: 0.5 }, { id: 'renewal', score: 0.1 }], thresholds);
        assert.strictEqual(unsure.outcome, 'unsure');
        assert.deepStrictEqual(unsure.suggestions, ['fees', 'feesUserPays', 'payment']);
        assert.strictEqual(decide([{ id: 'fees', score: 0.1 }], thresholds).outcome, 'unknown');
    });

    it('answers unknown when an out-of-scope example is the closest', () => {
        const result = decide([{ id: 'outOfScope', score: 0.9 }, { id: 'fees', score: 0.7 }], thresholds);
        assert.strictEqual(result.outcome, 'unknown');
        assert.deepStrictEqual(result.suggestions, []);
    });
});

describe('understanding: recognizer', () => {
    let recognizer: Recognizer;
    let evaluation: ProjectEvaluation;

    before(() => {
        recognizer = createRecognizer(loadExamples(path.join(root, 'locales')));
        [evaluation] = evaluateProject([path.join(root, 'test', 'understanding', 'evaluationSet.json')], path.join(root, 'locales'));
    });

    it('answers at least 90% of the held-out evaluation set right (strict); timings are printed by npm run eval:understanding', () => {
        const { report } = evaluation;
        const summary = formatReport(evaluation);
        assert.ok(report.total >= 200, `evaluation set too small: ${report.total}`);
        assert.ok(report.accuracy >= 0.9, summary);
    });

    it('never answers most out-of-scope questions as if it were sure', () => {
        assert.ok(evaluation.report.outOfScope.rejectionRate >= 0.5, formatReport(evaluation));
    });

    it('understands the questions users type today', () => {
        for (const [text, answerId] of [
            ['e-imza ücreti ne kadar?', 'fees'],
            ['sms kodu gelmedi', 'smsNotReceived'],
            ['formu nereye götüreceğim', 'wetForm'],
            ['ÜCRETTTT', 'fees'],
            ["sms'im gelmedi", 'smsNotReceived'],
        ] as const) {
            const result = recognizer.recognize(text, 'tr');
            assert.deepStrictEqual([result.outcome, result.answerId, result.language], ['sure', answerId, 'tr'], text);
        }
    });

    it('understands an English question in a Turkish conversation and reports it as English', () => {
        const result = recognizer.recognize('How much does the e-signature cost?', 'tr');
        assert.deepStrictEqual([result.outcome, result.answerId, result.language], ['sure', 'fees', 'en']);
        assert.strictEqual(recognizer.recognize("I didn't get the SMS code", 'tr').language, 'en');
        assert.strictEqual(recognizer.recognize('sms kodu gelmedi', 'en').language, 'tr');
    });

    it('says hello back to "merhaba"', () => {
        const result = recognizer.recognize('merhaba', 'tr');
        assert.deepStrictEqual([result.outcome, result.answerId, result.language], ['sure', 'greeting', 'tr']);
        assert.strictEqual(recognizer.recognize('hello', 'tr').answerId, 'greeting');
    });

    it('knows it does not know gibberish, empty text and unrelated questions', () => {
        for (const text of ['asdkjh qwpoeiu zxcmnb', 'xyzzy', '', '?!', 'hava nasıl olacak yarın']) {
            const result = recognizer.recognize(text, 'tr');
            assert.strictEqual(result.outcome, 'unknown', text);
            assert.deepStrictEqual(result.suggestions, [], text);
            assert.strictEqual(result.answerId, undefined, text);
        }
    });

    it('keeps the conversation language when the text does not tell', () => {
        assert.strictEqual(recognizer.recognize('sms', 'en').language, 'en');
        assert.strictEqual(recognizer.recognize('sms', 'tr').language, 'tr');
    });

    it('gives confidences between 0 and 1 and 2–3 suggestions exactly when unsure', () => {
        for (const text of ['ödeme', 'kod', 'form', 'e-imza', 'başvuru', 'kart', 'süre', 'onay', 'payment', 'card']) {
            const result = recognizer.recognize(text, 'tr');
            assert.ok(result.confidence >= 0 && result.confidence <= 1, text);
            if (result.outcome === 'unsure') assert.ok(result.suggestions.length >= 2 && result.suggestions.length <= 3, text);
            else assert.deepStrictEqual(result.suggestions, [], text);
            assert.strictEqual(result.answerId !== undefined, result.outcome === 'sure', text);
        }
    });
});
