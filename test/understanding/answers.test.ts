import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STEPS } from '../../flow/flowSteps';
import { loadInstitutionProfile, profileTextValues } from '../../institution/institutionProfile';
import { projectRoot } from '../../core/projectPaths';
import { loadExamples } from '../../understanding/loadExamples';
import { OUT_OF_SCOPE } from '../../understanding/types';

/** The answers the recognizer can give, in the order of flow/answers.json. */
const ANSWER_IDS = [
    'startRequest', 'kamusmMail', 'otherInstitution', 'loginMethod', 'kamusmSite', 'menuNes', 'menuIndividual',
    'menuApplications', 'menuMyApplications', 'applicationsTable', 'formProduct', 'formIdentity', 'formContact',
    'formInstitution', 'formDelivery', 'smsNotReceived', 'smsTimer', 'smsPhoneChanged', 'approvalMethods',
    'approvalEsign', 'wetForm', 'kamusmAddress', 'statusPaymentAwaited', 'statusProductionAwaited', 'statusFormAwaited',
    'statusCancelled', 'productionTiming', 'payment', 'paymentReceipt', 'fees', 'feesUserPays', 'lostOrStolen', 'renewal',
    'libraryContact', 'botIdentity', 'privacyNeverNeeded', 'greeting', 'thanks', 'goodbye',
];
const LANGUAGES = ['tr', 'en'] as const;
const OFFERS = ['status', 'ticket', 'contacts', 'fees'];

interface Answer { title: string; text: string[] }
interface AnswerMeta { id: string; step?: string; offers?: string[]; kind?: string }

const root = projectRoot;
const readJson = <T>(...parts: string[]): T => JSON.parse(fs.readFileSync(path.join(root, ...parts), 'utf8')) as T;

describe('understanding: answers', () => {
    const answers = { tr: readJson<Record<string, Answer>>('locales', 'tr', 'answers.json'), en: readJson<Record<string, Answer>>('locales', 'en', 'answers.json') };
    const meta = readJson<AnswerMeta[]>('flow', 'answers.json');
    const profile = loadInstitutionProfile(path.join(root, 'institution', 'profile.json'));

    it('has exactly the answer ids, in both languages and in flow/answers.json', () => {
        for (const language of LANGUAGES) assert.deepStrictEqual(Object.keys(answers[language]), ANSWER_IDS, language);
        assert.deepStrictEqual(meta.map((entry) => entry.id), ANSWER_IDS);
    });

    it('gives every answer a title and one or more paragraphs, the same number in both languages', () => {
        for (const id of ANSWER_IDS) {
            for (const language of LANGUAGES) {
                const answer = answers[language][id];
                assert.deepStrictEqual(Object.keys(answer), ['title', 'text'], `${language}.${id}`);
                assert.ok(answer.title.trim() && answer.text.length > 0 && answer.text.every((paragraph) => paragraph.trim()), `${language}.${id}`);
            }
            assert.strictEqual(answers.tr[id].text.length, answers.en[id].text.length, id);
        }
    });

    it('interpolates only profile values, and writes no institution fact literally', () => {
        for (const language of LANGUAGES) {
            const values = profileTextValues(profile, language);
            const literal = [profile.library.email, profile.library.phone, profile.library.mobile, profile.kamusm.paymentReceiptEmail, profile.kamusm.onlineServicesUrl, ...profile.kamusm.formDeliveryAddress];
            for (const [id, answer] of Object.entries(answers[language])) {
                for (const text of [answer.title, ...answer.text]) {
                    for (const [, name] of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) assert.ok(name in values, `${language}.${id}: unknown {{${name}}}`);
                    for (const fact of literal) assert.ok(!text.includes(fact), `${language}.${id} writes "${fact}": use its placeholder`);
                }
            }
        }
    });

    it('uses the same placeholders and quotes the same KamuSM labels in both languages', () => {
        const placeholders = (answer: Answer) => [...[answer.title, ...answer.text].join(' ').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
        const labels = (answer: Answer) => [...new Set([...[answer.title, ...answer.text].join(' ').matchAll(/“([^”]+)”/g)].map((match) => match[1]))].sort();
        for (const id of ANSWER_IDS) {
            assert.deepStrictEqual([...new Set(placeholders(answers.en[id]))], [...new Set(placeholders(answers.tr[id]))], id);
            // Every label quoted in English is quoted verbatim (Turkish) in the Turkish answer too.
            for (const label of labels(answers.en[id])) assert.ok(labels(answers.tr[id]).includes(label), `${id}: “${label}”`);
        }
    });

    it('names the Taahhütname wherever the wet-signature path is explained', () => {
        for (const id of ['approvalMethods', 'wetForm', 'kamusmAddress', 'statusFormAwaited']) {
            for (const language of LANGUAGES) {
                assert.ok(answers[language][id].text.join(' ').includes('Nitelikli Elektronik Sertifika Taahhütnamesi'), `${language}.${id}`);
            }
        }
    });

    it('has metadata that points at real steps and known offers', () => {
        for (const entry of meta) {
            if (entry.step !== undefined) assert.ok(entry.step in STEPS, `${entry.id}: unknown step ${entry.step}`);
            for (const offer of entry.offers ?? []) assert.ok(OFFERS.includes(offer), `${entry.id}: unknown offer ${offer}`);
            if (entry.kind !== undefined) assert.strictEqual(entry.kind, 'smallTalk', entry.id);
        }
        const offers = (id: string) => meta.find((entry) => entry.id === id)?.offers ?? [];
        for (const id of ['smsNotReceived', 'smsPhoneChanged']) assert.deepStrictEqual([...offers(id)].sort(), ['contacts', 'ticket'], id);
        for (const id of ['statusPaymentAwaited', 'statusProductionAwaited', 'statusFormAwaited', 'statusCancelled']) assert.ok(offers(id).includes('status'), id);
    });

    it('has 10–25 example questions per answer and language, and no question under two answers', () => {
        const examples = loadExamples(path.join(root, 'locales'));
        for (const language of LANGUAGES) {
            assert.deepStrictEqual(Object.keys(examples[language]).filter((id) => id !== OUT_OF_SCOPE), ANSWER_IDS, language);
            for (const id of ANSWER_IDS) {
                const count = examples[language][id].length;
                assert.ok(count >= 10 && count <= 25, `${language}.${id}: ${count} questions`);
            }
            const seen = new Map<string, string>();
            for (const [id, questions] of Object.entries(examples[language])) {
                for (const question of questions) {
                    const key = question.toLocaleLowerCase('tr-TR');
                    assert.ok(!seen.has(key) || seen.get(key) === id, `${language}: "${question}" under ${seen.get(key)} and ${id}`);
                    seen.set(key, id);
                }
            }
        }
    });
});
