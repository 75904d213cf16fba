import * as assert from 'node:assert';
import * as path from 'node:path';
import { decide } from '../../understanding/decide';
import { evaluateProject, formatReport, projectEvaluationSets, type ProjectEvaluation } from '../../tools/evaluateUnderstanding';
import { buildKnowledgeBase, loadKnowledgeContent } from '../../understanding/knowledgeBase';
import { offersLanguageSwitch } from '../../understanding/recognizer';
import { loadAnswerCatalogue } from '../../flow/answerCatalogue';
import { foldTurkish, normalize, tokenize } from '../../understanding/normalize';
import type { Recognizer } from '../../understanding/recognizer';
import { projectRoot } from '../../core/projectPaths';

const root = projectRoot;
/** Yes/no questions of the held-out sets answered with a direct first sentence that says what the guide says (at least 90%: a busy user reads only that sentence). */
const YES_NO_FLOOR = 0.9;

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
        assert.deepStrictEqual(
            decide(
                [
                    { id: 'fees', score: 0.9 },
                    { id: 'payment', score: 0.3 },
                ],
                thresholds,
            ),
            { outcome: 'sure', answerId: 'fees', suggestions: [], confidence: 0.9 },
        );
        const unsure = decide(
            [
                { id: 'fees', score: 0.6 },
                { id: 'feesUserPays', score: 0.55 },
                { id: 'payment', score: 0.5 },
                { id: 'renewal', score: 0.1 },
            ],
            thresholds,
        );
        assert.strictEqual(unsure.outcome, 'unsure');
        assert.deepStrictEqual(unsure.suggestions, ['fees', 'feesUserPays', 'payment']);
        assert.strictEqual(decide([{ id: 'fees', score: 0.1 }], thresholds).outcome, 'unknown');
    });

    it('answers unknown when an out-of-scope example is the closest', () => {
        const result = decide(
            [
                { id: 'outOfScope', score: 0.9 },
                { id: 'fees', score: 0.7 },
            ],
            thresholds,
        );
        assert.strictEqual(result.outcome, 'unknown');
        assert.deepStrictEqual(result.suggestions, []);
    });
});

describe('understanding: recognizer', () => {
    let recognizer: Recognizer;
    let evaluations: ProjectEvaluation[];
    let all: ProjectEvaluation;

    before(() => {
        recognizer = buildKnowledgeBase(loadKnowledgeContent(path.join(root, 'locales'))).recognizer;
        evaluations = evaluateProject(projectEvaluationSets(), path.join(root, 'locales'));
        all = evaluations[evaluations.length - 1];
    });

    it('holds on the held-out sets written by people who never saw the examples (strict ≥ 95% together, ≥ 93% each); timings are printed by npm run eval:understanding', () => {
        assert.ok(evaluations.length >= 3, 'the first held-out set, the second, and both together');
        assert.ok(all.report.total >= 500, `held-out sets too small: ${all.report.total}`);
        for (const evaluation of evaluations.slice(0, -1)) assert.ok(evaluation.report.accuracy >= 0.93, formatReport(evaluation));
        assert.ok(all.report.accuracy >= 0.95, formatReport(all));
    });

    it('declines out-of-scope questions and handles nonsense (≥ 90%): no confident unrelated answer, no suggestions or language offer for gibberish', () => {
        assert.ok(all.report.outOfScope.rejectionRate >= 0.9, formatReport(all));
        assert.ok(all.report.nonsense.total >= 10 && all.report.nonsense.handledRate >= 0.9, formatReport(all));
    });

    it('answers most yes/no questions with a direct first sentence that says what the guide says', () => {
        assert.ok(all.report.yesNo.total >= 30, formatReport(all));
        assert.ok(all.report.yesNo.directRate >= YES_NO_FLOOR, formatReport(all));
    });

    it('understands the questions users type today', () => {
        for (const [text, answerId] of [
            ['e-imza ücretini kim ödüyor?', 'fees'],
            ['sms kodu gelmedi', 'smsNotReceived'],
            ['formu nereye götüreceğim', 'wetForm'],
            ['ÜCRETTTT', 'fees'],
            ['kartımı kaybettim', 'lostOrStolen'],
            ['kartımı çaldılar', 'lostOrStolen'],
            ["sms'im gelmedi", 'smsNotReceived'],
        ] as const) {
            const result = recognizer.recognize(text, 'tr');
            assert.deepStrictEqual([result.outcome, result.answerId, result.language], ['sure', answerId, 'tr'], text);
        }
    });

    it('understands an English question in a Turkish conversation and reports it as English', () => {
        const result = recognizer.recognize('Who pays for the e-signature?', 'tr');
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

    describe('direct answers, long messages, what it does not know', () => {
        const catalogue = loadAnswerCatalogue();
        const polarity = (text: string, language: 'tr' | 'en' = 'tr') => {
            const result = recognizer.recognize(text, language);
            return [result.outcome, result.answerId, result.facet && catalogue.get(result.answerId!)?.facets?.[result.facet]];
        };

        it("answers yes/no questions with the facet that says yes or no (the issue's examples among them)", () => {
            assert.deepStrictEqual(polarity('ziraat atmsinden odeme yapabilir miyim'), ['sure', 'payment', 'yes']);
            assert.deepStrictEqual(polarity('kart kaybolunca diğer sertifikalarım iptal ediliyor mu'), ['sure', 'lostOrStolen', 'yes']);
            assert.deepStrictEqual(polarity('formu kamusm ye kendim kargolamalı mıyım'), ['sure', 'wetForm', 'no']);
            assert.deepStrictEqual(polarity('can I pay at a Ziraat ATM', 'en'), ['sure', 'payment', 'yes']);
        });

        it('gives a plain question no yes or no, and a multi-part question the whole list', () => {
            const plain = recognizer.recognize('hangi bankalardan ödeme yapabilirim', 'tr');
            assert.strictEqual(plain.answerId, 'payment');
            assert.ok(!plain.facet || !['yes', 'no'].includes(catalogue.get('payment')!.facets![plain.facet]), 'no "yes" to a which-question');
            assert.strictEqual(recognizer.recognize('başvuru formunda hangi bilgiler isteniyor', 'tr').answerId, 'formOverview');
            assert.strictEqual(recognizer.recognize('what are all the steps of the application', 'en').answerId, 'processOverview');
        });

        it('finds the question in a long message with a greeting and a story around it', () => {
            const long =
                "Merhaba, ben kardiyoloji bölümünde öğretim üyesiyim. Geçen hafta kütüphaneye yazmıştım, KamuSM'den mail de geldi. "
                + 'Şimdi cep telefonu doğrulama ekranındayım ama SMS kodu bir türlü gelmiyor. Ne yapmalıyım? Teşekkürler.';
            const result = recognizer.recognize(long, 'tr');
            assert.deepStrictEqual([result.outcome, result.answerId], ['sure', 'smsNotReceived']);
        });

        it('reads no question into contact details: an address or a number given along is not what is asked', () => {
            assert.strictEqual(recognizer.recognize('kütüphanenin otoparkı nerede acaba? beni 05324445566 numarasından arayın, ayse@gmail.com', 'tr').outcome, 'unknown');
            assert.strictEqual(recognizer.recognize('Mehmet Öz, telefonum 0532 123 45 67, e-postam mehmet.oz@bezmialem.edu.tr, kedim hasta ne yapmalıyım', 'tr').outcome, 'unknown');
            const withDetails = recognizer.recognize('Merhaba, adım Ayşe, telefonum 0532 111 22 33. SMS kodu gelmiyor ne yapmalıyım?', 'tr');
            assert.deepStrictEqual([withDetails.outcome, withDetails.answerId], ['sure', 'smsNotReceived']);
        });

        it('says it does not know nonsense and questions outside the guide, without suggestions or a language offer', () => {
            for (const [text, conversation] of [
                ['kuantum pizza neden mor', 'en'],
                ['asdkj qwe zxcv', 'en'],
                ['purple monkey dishwasher', 'tr'],
                ['mavi balinalar perşembe günleri uçar mı', 'en'],
            ] as const) {
                const result = recognizer.recognize(text, conversation);
                assert.deepStrictEqual([result.outcome, result.suggestions], ['unknown', []], text);
                assert.ok(!offersLanguageSwitch(result, conversation), `${text}: no language offer`);
            }
            for (const text of ['hastanenin otoparkı nerede', 'kart okuyucu kaç para', 'mobil imza nasıl alınır', 'e imza pinim bloke oldu']) {
                assert.notStrictEqual(recognizer.recognize(text, 'tr').outcome, 'sure', text);
            }
        });

        it('offers small talk in no "did you mean", and every suggestion shares a word with the question', () => {
            for (const text of ['günler', 'kod', 'form', 'onay', 'kart']) {
                const result = recognizer.recognize(text, 'tr');
                for (const id of result.suggestions) assert.ok(!['greeting', 'thanks', 'goodbye'].includes(id), `${text}: ${id}`);
            }
        });
    });
});
