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
    'startRequest',
    'kamusmMail',
    'otherInstitution',
    'loginMethod',
    'kamusmSite',
    'menuNes',
    'menuIndividual',
    'menuApplications',
    'menuMyApplications',
    'applicationsTable',
    'formProduct',
    'formIdentity',
    'formContact',
    'formInstitution',
    'formDelivery',
    'smsNotReceived',
    'smsTimer',
    'smsPhoneChanged',
    'approvalMethods',
    'approvalEsign',
    'wetForm',
    'kamusmAddress',
    'statusPaymentAwaited',
    'statusProductionAwaited',
    'statusFormAwaited',
    'statusCancelled',
    'productionTiming',
    'payment',
    'paymentReceipt',
    'fees',
    'feesUserPays',
    'lostOrStolen',
    'renewal',
    'libraryContact',
    'botIdentity',
    'privacyNeverNeeded',
    'greeting',
    'thanks',
    'goodbye',
    'formOverview',
    'processOverview',
];
const LANGUAGES = ['tr', 'en'] as const;
const OFFERS = ['status', 'ticket', 'contacts', 'fees'];

interface Answer {
    title: string;
    text: string[];
}
interface AnswerMeta {
    id: string;
    step?: string;
    offers?: string[];
    kind?: string;
    covers?: string[];
}
/** answers.json: the answers by id, and their facets' first sentences under "facets". */
type AnswersFile = Record<string, Answer> & { facets: Record<string, Record<string, string>> };
const answersOf = (file: AnswersFile): Record<string, Answer> => Object.fromEntries(Object.entries(file).filter(([id]) => id !== 'facets')) as Record<string, Answer>;

const root = projectRoot;
const readJson = <T>(...parts: string[]): T => JSON.parse(fs.readFileSync(path.join(root, ...parts), 'utf8')) as T;

describe('understanding: answers', () => {
    const files = { tr: readJson<AnswersFile>('locales', 'tr', 'answers.json'), en: readJson<AnswersFile>('locales', 'en', 'answers.json') };
    const answers = { tr: answersOf(files.tr), en: answersOf(files.en) };
    const facets = readJson<Record<string, Record<string, string>>>('flow', 'answerFacets.json');
    const meta = readJson<AnswerMeta[]>('flow', 'answers.json');
    const profile = loadInstitutionProfile(path.join(root, 'institution', 'profile.json'));

    it('has exactly the answer ids, in both languages and in flow/answers.json', () => {
        for (const language of LANGUAGES) assert.deepStrictEqual(Object.keys(answers[language]), ANSWER_IDS, language);
        assert.deepStrictEqual(
            meta.map((entry) => entry.id),
            ANSWER_IDS,
        );
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

    it("has 10–60 example questions per answer and language (its facets' included), and no question under two answers", () => {
        const examples = loadExamples(path.join(root, 'locales'));
        for (const language of LANGUAGES) {
            assert.deepStrictEqual(
                Object.keys(examples[language]).filter((id) => id !== OUT_OF_SCOPE && !id.includes('#')),
                ANSWER_IDS,
                language,
            );
            for (const id of ANSWER_IDS) {
                const count = Object.entries(examples[language])
                    .filter(([key]) => key.split('#')[0] === id)
                    .reduce((sum, [, list]) => sum + list.length, 0);
                assert.ok(count >= 10 && count <= 60, `${language}.${id}: ${count} questions`);
            }
            const seen = new Map<string, string>();
            for (const [key, questions] of Object.entries(examples[language])) {
                // A facet's examples are examples of its answer.
                const [id] = key.split('#');
                for (const question of questions) {
                    const key = question.toLocaleLowerCase('tr-TR');
                    assert.ok(!seen.has(key) || seen.get(key) === id, `${language}: "${question}" under ${seen.get(key)} and ${id}`);
                    seen.set(key, id);
                }
            }
        }
    });

    describe('facets', () => {
        const examples = loadExamples(path.join(root, 'locales'));
        const facetKeys = Object.entries(facets).flatMap(([id, byFacet]) => Object.keys(byFacet).map((facet) => `${id}#${facet}`));

        it('every facet has a polarity, a first sentence in both languages and example questions in both', () => {
            for (const language of LANGUAGES) {
                assert.deepStrictEqual(
                    Object.keys(examples[language])
                        .filter((key) => key.includes('#'))
                        .sort(),
                    [...facetKeys].sort(),
                    language,
                );
                assert.deepStrictEqual(
                    Object.entries(files[language].facets)
                        .flatMap(([id, byFacet]) => Object.keys(byFacet).map((facet) => `${id}#${facet}`))
                        .sort(),
                    [...facetKeys].sort(),
                    language,
                );
                for (const key of facetKeys) assert.ok(examples[language][key].length >= 2, `${language}.${key}: at least two examples`);
            }
            for (const id of Object.keys(facets)) assert.ok(ANSWER_IDS.includes(id), `facets of an unknown answer: ${id}`);
        });

        it('a "yes" facet begins with yes, a "no" facet with no, and the others with neither, in both languages', () => {
            const opens = { tr: { yes: /^Evet\b/, no: /^(Hayır|Genellikle hayır)\b/ }, en: { yes: /^Yes\b/, no: /^(No|Usually not)\b/ } };
            for (const [id, byFacet] of Object.entries(facets)) {
                for (const [facet, polarity] of Object.entries(byFacet)) {
                    for (const language of LANGUAGES) {
                        const sentence = files[language].facets[id][facet];
                        const says = opens[language];
                        const where = `${language}.${id}.${facet} (${polarity}): ${sentence}`;
                        if (polarity === 'yes') assert.match(sentence, says.yes, where);
                        else if (polarity === 'no') assert.match(sentence, says.no, where);
                        else assert.ok(!says.yes.test(sentence) && !says.no.test(sentence), where);
                    }
                }
            }
        });

        it('facet sentences interpolate only profile values, write no institution fact literally, and quote the same labels in both languages', () => {
            const labels = (text: string) => [...new Set([...text.matchAll(/“([^”]+)”/g)].map((match) => match[1]))].sort();
            const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]))].sort();
            for (const [id, byFacet] of Object.entries(facets)) {
                for (const facet of Object.keys(byFacet)) {
                    const [tr, en] = [files.tr.facets[id][facet], files.en.facets[id][facet]];
                    assert.deepStrictEqual(placeholders(en), placeholders(tr), `${id}.${facet}`);
                    for (const name of placeholders(tr)) assert.ok(name in profileTextValues(profile, 'tr'), `${id}.${facet}: unknown {{${name}}}`);
                    for (const label of labels(en)) assert.ok(labels(tr).includes(label), `${id}.${facet}: “${label}”`);
                    for (const fact of [profile.library.email, profile.library.phone, profile.kamusm.paymentReceiptEmail]) assert.ok(!tr.includes(fact) && !en.includes(fact), `${id}.${facet} writes "${fact}"`);
                }
            }
        });

        it('an overview names only real answers as its parts', () => {
            for (const entry of meta) for (const part of entry.covers ?? []) assert.ok(ANSWER_IDS.includes(part), `${entry.id} covers ${part}`);
            assert.ok((meta.find((entry) => entry.id === 'formOverview')?.covers ?? []).includes('formContact'));
        });
    });
});
