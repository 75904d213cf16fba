import * as assert from 'assert';
import type { Language } from '../../core/language';
import { languageSpeaker } from '../../institution/profileSpeaker';
import { startProgress, progressAt } from '../../flow/progress';
import { situationQuestionFor } from '../../flow/situation';
import { progressOf, saveProgress } from '../support/flowState';
import { profile, TestChat, translator } from '../support/testBot';

const LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-US' };
const QUESTIONS: Record<Language, Record<'renewal' | 'approvalMethods' | 'approvalEsign' | 'kamusmAddress', string>> = {
    tr: {
        renewal: 'yenileme nasıl yapılır',
        approvalMethods: 'onay ekraninda hangisini secmeliyim',
        approvalEsign: 'e imza ile onayladim simdi ne yapayim',
        kamusmAddress: 'kamusm adresi neresi',
    },
    en: {
        renewal: 'how do I renew my e-signature',
        approvalMethods: 'which approval should I choose on the Onay screen',
        approvalEsign: 'I approved with e-imza, what now',
        kamusmAddress: 'what is the address of kamusm',
    },
};

/** Every text that states a login or approval method, or a production date, per locale key and variant. */
function situationTexts(language: Language) {
    const say = languageSpeaker(translator, profile, language);
    return {
        edevletLogin: say.sayList('steps.login.body', { context: 'edevlet' })[1],
        esignLogin: say.sayList('steps.login.body', { context: 'esign' })[1],
        wetApproval: say.sayList('steps.approval.body', { context: 'wet' })[1],
        wetCompletion: say.sayList('completion.body', { context: 'wet' })[0],
        firstProduction: say.say('completion.production.first'),
        say,
    };
}

async function askAndGuide(language: Language, question: string): Promise<TestChat> {
    const chat = new TestChat({ locale: LOCALES[language] });
    await chat.open();
    await chat.say(question);
    await chat.click(translator.t(language, 'understanding.guideFromHere'));
    return chat;
}

for (const language of ['tr', 'en'] as const) {
    describe(`"guide me from this step" never states a situation the user did not give (${language})`, () => {
        const texts = situationTexts(language);
        const { say } = texts;

        it('R1: from the renewal answer, a renewal is taken from the question, and whether the e-signature still works is asked before the login step', async () => {
            const chat = await askAndGuide(language, QUESTIONS[language].renewal);
            const text = chat.text();
            assert.ok(text.includes(say.say('steps.signatureValid.title')), text);
            for (const claim of [texts.edevletLogin, texts.esignLogin]) assert.ok(!text.includes(claim), `no login method before the answer:\n${text}`);
            assert.deepStrictEqual((await progressOf(chat.storage))?.kind, 'renewal');
            assert.deepStrictEqual((await progressOf(chat.storage))?.resumeAt, 'login');
            await chat.click(say.say('steps.signatureValid.options.yes'));
            assert.ok(chat.text().includes(texts.esignLogin), chat.text());
            assert.strictEqual((await progressOf(chat.storage))?.stepId, 'login');
        });

        it('R2: from the approval answer, the kind and the e-signature are asked; a valid one is offered "e-İmza ile Onayla"', async () => {
            const chat = await askAndGuide(language, QUESTIONS[language].approvalMethods);
            assert.ok(chat.text().includes(say.say('situation.kind.title')), chat.text());
            await chat.click(say.say('menu.options.first'));
            assert.ok(chat.text().includes(say.say('steps.signatureValid.title', { context: 'any' })), chat.text());
            assert.ok(!chat.text().includes(texts.wetApproval));
            await chat.click(say.say('steps.signatureValid.options.yes', { context: 'any' }));
            const text = chat.text();
            assert.ok(text.includes(say.say('steps.approval.options.esign', { context: 'esign' })), text);
            assert.ok(!text.includes(texts.wetApproval), text);
        });

        it('R3: from the e-İmza approval answer the guided end says nothing of a wet-signed form', async () => {
            const chat = await askAndGuide(language, QUESTIONS[language].approvalEsign);
            await chat.click(say.say('menu.options.renewal'));
            assert.ok(chat.text().includes(say.say('steps.approvalEsign.title')), chat.text());
            await chat.click(say.say('options.finish'));
            const text = chat.text();
            assert.ok(text.includes(say.sayList('completion.body', { context: 'esign' })[0]), text);
            assert.ok(!text.includes(texts.wetCompletion), text);
            // Production timing follows the kind the user gave.
            assert.ok(text.includes(say.say('completion.production.renewal')), text);
            assert.ok(!text.includes(texts.firstProduction), text);
        });

        it('R4: an answer that says nothing of the approval is followed by the approval question, and the end follows the kind chosen', async () => {
            const chat = await askAndGuide(language, QUESTIONS[language].kamusmAddress);
            await chat.click(say.say('menu.options.lost'));
            assert.ok(chat.text().includes(say.say('steps.replacementReason.title')), 'why the card is replaced comes first');
            await chat.click(say.say('steps.replacementReason.options.reasonStolen'));
            assert.ok(chat.text().includes(say.say('steps.approval.title')), chat.text());
            await chat.click(say.say('steps.approval.options.wet', { context: 'wet' }));
            const text = chat.text();
            assert.ok(text.includes(say.say('completion.production.stolen')), text);
            assert.ok(!text.includes(texts.firstProduction), text);
        });
    });
}

describe('situation first, whatever the way in', () => {
    const say = languageSpeaker(translator, profile, 'tr');

    it('a conversation resumed with a flow saved at the login step without the answer (an earlier version) is asked first', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await saveProgress(chat.storage, { ...startProgress('first', 0), stepId: 'login', history: ['requestSent', 'otherInstitution', 'kamusmMail'] });
        await chat.say('merhaba');
        await chat.click(say.say('resume.options.resume'));
        const text = chat.text();
        assert.ok(text.includes(say.say('steps.signatureValid.title', { context: 'any' })), text);
        assert.ok(!text.includes(say.sayList('steps.login.body', { context: 'edevlet' })[1]), text);
    });

    it('a result step saved without the approval asks the e-signature, then the approval, and never defaults it', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await saveProgress(chat.storage, { ...startProgress('first', 0), stepId: 'approvalWet' });
        await chat.say('merhaba');
        await chat.click(say.say('resume.options.resume'));
        assert.ok(chat.text().includes(say.say('steps.signatureValid.title', { context: 'any' })), chat.text());
        await chat.click(say.say('steps.signatureValid.options.yes', { context: 'any' }));
        assert.ok(chat.text().includes(say.say('steps.approval.title')), chat.text());
        await chat.click(say.say('steps.approval.options.esign', { context: 'esign' }));
        assert.strictEqual((await progressOf(chat.storage))?.stepId, 'approvalEsign', 'the result of the approval given');
    });

    it('the flow model: which question comes before which step', () => {
        assert.strictEqual(situationQuestionFor('login', 'renewal', {}), 'signatureValid');
        assert.strictEqual(situationQuestionFor('menuNes', 'renewal', {}), undefined);
        assert.strictEqual(situationQuestionFor('approvalWet', 'first', {}), 'signatureValid', 'the approval itself waits for the e-signature');
        assert.strictEqual(situationQuestionFor('approvalWet', 'first', { signatureValid: false }), 'approval');
        assert.strictEqual(situationQuestionFor('approvalEsign', 'first', { approval: 'esign' }), undefined);
        assert.strictEqual(situationQuestionFor('login', 'lost', { signatureValid: false }), 'replacementReason');
        assert.strictEqual(situationQuestionFor('login', 'lost', { replacement: 'stolen', signatureValid: false }), undefined);
        assert.strictEqual(situationQuestionFor('login', 'lost', { replacement: 'damaged' }), 'signatureValid', 'a damaged card is asked whether it still works');
        // What the user said is the newest word; a result step follows the approval given.
        const moved = progressAt({ ...startProgress('first', 0), answers: { approval: 'wet', signatureValid: true } }, 'approvalEsign', 1, { answers: { approval: 'esign' } });
        assert.deepStrictEqual([moved.stepId, moved.answers.approval], ['approvalEsign', 'esign']);
        assert.strictEqual(progressAt({ ...startProgress('first', 0), answers: { approval: 'wet' } }, 'approvalEsign', 1).stepId, 'approvalWet');
    });
});
