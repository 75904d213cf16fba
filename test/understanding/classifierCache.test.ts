import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { classifierCacheIn, type ClassifierCache } from '../../understanding/classifierCache';
import { buildKnowledgeBase, loadKnowledgeContent } from '../../understanding/knowledgeBase';
import { staffAnswerId, type StaffAnswer } from '../../understanding/staffAnswers';
import type { TfidfModel } from '../../understanding/tfidfEngine';
import { silentLogger, type Logger } from '../../core/logger';

/** An answer the library taught: with it the build's model no longer fits, and the classifier is trained. */
function taught(number: number, examples: string[]): StaffAnswer {
    return {
        id: `answer-${number}`,
        number,
        status: 'active',
        conflicts: [],
        history: [],
        createdAt: 0,
        updatedAt: 0,
        eTag: `etag-${number}`,
        title: { tr: `Konu ${number}`, en: `Topic ${number}` },
        text: { tr: 'Kütüphane yanıtı.', en: 'The library answers.' },
        examples: { tr: examples },
    };
}

const PARKING = taught(1, ['otopark nerede', 'arabamı nereye park ederim', 'kampüste otopark var mı']);
const QUESTIONS = ['otopark nerede acaba', 'sms kodu gelmedi', 'e-imza ücretini kim ödüyor'];

/** The cache, counting what it was asked and what it kept. */
function watched(dir: string, logger?: Logger) {
    const cache = classifierCacheIn(dir, logger);
    const seen = { found: 0, kept: 0 };
    const counting: ClassifierCache = {
        find(fingerprint) {
            const model = cache.find(fingerprint);
            if (model) seen.found++;
            return model;
        },
        keep(model: TfidfModel) {
            seen.kept++;
            cache.keep(model);
        },
    };
    return { cache: counting, seen };
}

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-classifiers-'));

describe('classifiers trained with the library answers are kept for the next start (understanding/classifierCache.ts)', () => {
    const content = loadKnowledgeContent();
    const recognize = (cache: ClassifierCache | undefined, staff: StaffAnswer[]) => {
        const { recognizer } = buildKnowledgeBase({ ...content, classifierCache: cache }, staff, 1);
        return QUESTIONS.map((text) => recognizer.recognize(text, 'tr'));
    };

    it('the first start trains and keeps the model; the next start reads it and recognizes exactly the same', () => {
        const dir = scratch();
        const first = watched(dir);
        const trained = recognize(first.cache, [PARKING]);
        assert.deepStrictEqual(first.seen, { found: 0, kept: 1 });
        assert.strictEqual(fs.readdirSync(dir).filter((name) => name.endsWith('.bin')).length, 1);
        assert.strictEqual(trained[0].answerId, staffAnswerId(PARKING.number), "the library's answer is recognized");
        const next = watched(dir);
        assert.deepStrictEqual(recognize(next.cache, [PARKING]), trained);
        assert.deepStrictEqual(next.seen, { found: 1, kept: 0 }, 'read, not trained again');
        assert.deepStrictEqual(recognize(undefined, [PARKING]), trained, 'the same as training without a cache');
    });

    it('other answers are not answered by an old model: trained again, and only the three newest models stay', () => {
        const dir = scratch();
        for (let number = 1; number <= 4; number++) {
            const run = watched(dir);
            recognize(run.cache, [taught(number, [`soru ${number} hakkında bir şey`, `konu ${number} nedir`])]);
            assert.deepStrictEqual(run.seen, { found: 0, kept: 1 }, `answer set ${number} was trained`);
        }
        assert.strictEqual(fs.readdirSync(dir).filter((name) => name.endsWith('.bin')).length, 3);
    });

    it('a file under the right name that holds another model is not used', () => {
        const dir = scratch();
        recognize(watched(dir).cache, [PARKING]);
        const [kept] = fs.readdirSync(dir);
        const elsewhere = scratch();
        recognize(watched(elsewhere).cache, [taught(2, ['başka bir soru', 'bambaşka bir konu'])]);
        const [otherModel] = fs.readdirSync(elsewhere);
        // Another model's bytes under this model's name: the fingerprint inside does not match the name.
        fs.copyFileSync(path.join(elsewhere, otherModel), path.join(dir, kept));
        const next = watched(dir);
        recognize(next.cache, [PARKING]);
        assert.deepStrictEqual(next.seen, { found: 0, kept: 1 });
    });

    it('a place it cannot write to is told once as a warning and costs nothing else', () => {
        const notADir = path.join(scratch(), 'a-file');
        fs.writeFileSync(notADir, '');
        const warnings: string[] = [];
        const logger: Logger = { ...silentLogger, warn: (message: string) => warnings.push(message) };
        const run = watched(notADir, logger);
        assert.deepStrictEqual(recognize(run.cache, [PARKING]), recognize(undefined, [PARKING]));
        assert.deepStrictEqual(warnings, ['the trained classifier could not be kept for the next start']);
    });
});
