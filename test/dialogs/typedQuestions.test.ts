import * as assert from 'assert';
import { requesterIdFor } from '../../tickets/requesterIds';
import { play, TO_KAMUSM_MENU } from '../support/conversationTable';
import { profile, TestChat, translator } from '../support/testBot';
import { CHOSE_LIBRARY } from '../../understanding/questionLog';
import { buttonsOf, readableText } from '../support/cardText';

const tr = (key: string) => translator.t('tr', key);
const en = (key: string) => translator.t('en', key);

/** Brings a new Turkish user to step 6 of a first application (the KamuSM menu). */

describe('typed questions are answered, at the menu and in the middle of the flow', () => {
    it('Turkish, at the menu: fees, the SMS code and the wet-signed form, typed the way people type', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true },
            { say: 'e-imza ücretini kim ödüyor?', sees: [tr('answers.fees.title')], doesNotSee: ['Bunu anlayamadım'] },
            { say: 'kartımı kaybettim', sees: [tr('answers.lostOrStolen.title')] },
            { say: 'sms kodu gelmedi', sees: [tr('answers.smsNotReceived.title')], offers: [tr('understanding.guideFromHere'), tr('actions.writeToLibrary')] },
            { say: 'formu nereye gotureceğim', sees: [tr('answers.wetForm.title')] },
        ]);
    });

    it('"guide me from this step" takes the user into the flow at the step the answer belongs to, asking first which application it is', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true },
            { say: 'sms kodu gelmedi', sees: [tr('answers.smsNotReceived.title')] },
            { click: tr('understanding.guideFromHere'), sees: [tr('situation.kind.title')], doesNotSee: [tr('steps.smsVerification.title')] },
            { click: tr('menu.options.first'), sees: [tr('steps.smsVerification.title'), 'Adım 16 / 18'] },
        ]);
    });

    it('mid-flow: the question is answered and the same step comes back, place kept; "merhaba" is a greeting', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            ...TO_KAMUSM_MENU,
            { say: 'dekontu nereye gonderiyoruz', sees: [tr('answers.paymentReceipt.title'), '“NES İŞLEMLERİ” seçeneğine tıklayın', 'Adım 6 / 18'] },
            { say: 'merhaba', sees: ['Merhaba', 'Adım 6 / 18'], doesNotSee: ['Bunu anlayamadım'] },
            { click: 'Tamam, tıkladım', sees: ['Adım 7 / 18'] },
        ]);
    });

    it('mid-flow: the answer comes with a one-line reminder of the step in the same message, not the whole step card; the card comes back on request', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, TO_KAMUSM_MENU);
        await chat.say('formu nereye götüreceğim');
        const replies = chat.replies();
        assert.strictEqual(replies.length, 1, 'one message: the answer and the reminder');
        const [answer, reminder] = replies[0].attachments ?? [];
        assert.ok(JSON.stringify(answer.content).includes(tr('answers.wetForm.title')));
        const reminderText = readableText({ attachments: [reminder] });
        assert.ok(reminderText.includes(translator.t('tr', 'stepHeader.reminder', { number: 6, total: 18, title: tr('steps.menuNes.title') })), reminderText);
        assert.deepStrictEqual(
            buttonsOf({ attachments: [reminder] }).map((button) => button.title),
            [tr('options.done'), tr('actions.showStep')],
        );
        assert.ok(!chat.text().includes(translator.t('tr', 'stepHeader.phases.p2')), 'the step card is not repeated');
        await chat.click(tr('actions.showStep'));
        assert.ok(chat.text().includes(translator.t('tr', 'stepHeader.phases.p2')) && chat.text().includes(tr('steps.menuNes.title')), chat.text());
        await chat.say('adımı göster');
        assert.ok(chat.text().includes(translator.t('tr', 'stepHeader.phases.p2')), 'typed words bring it back too');
        await chat.click(tr('options.done'));
        assert.ok(chat.text().includes('Adım 7 / 18'), chat.text());
    });

    it('an unknown question says so, offers the library with the question filled in, and is kept without any user id', async () => {
        const chat = new TestChat({ locale: 'tr-TR', userId: 'user-secret-id' });
        await play(chat, [
            ...TO_KAMUSM_MENU,
            { say: 'hastane otoparkı kaçta kapanıyor', sees: [tr('understanding.unknown.title'), 'Adım 6 / 18'], offers: [tr('actions.writeToLibrary'), tr('actions.askLibrary'), tr('actions.menu')] },
        ]);
        assert.ok(chat.text().includes(profile.library.phone) && chat.text().includes(profile.library.email), "the library's contacts are on the card");
        const kept = await chat.questions.list(0, Number.MAX_SAFE_INTEGER);
        assert.deepStrictEqual(
            kept.map(({ text, language, stepId, outcome }) => ({ text, language, stepId, outcome })),
            [{ text: 'hastane otoparkı kaçta kapanıyor', language: 'tr', stepId: 'menuNes', outcome: 'unknown' }],
        );
        assert.ok(!JSON.stringify(kept).includes('user-secret-id'));

        // The question is not asked again: the ticket goes with what the user already wrote.
        await chat.click(tr('actions.writeToLibrary'));
        assert.ok(!chat.text().includes(tr('tickets.ask.question')), chat.text());
        await chat.say('Ayşe Yılmaz');
        await chat.say('ayse.yilmaz@bezmialem.edu.tr');
        const [ticket] = await chat.tickets.listByRequester(requesterIdFor('test', 'user-secret-id'));
        assert.strictEqual(ticket?.details.question, 'hastane otoparkı kaçta kapanıyor');
        assert.strictEqual((await chat.questions.list(0, Number.MAX_SAFE_INTEGER))[0].chosen, CHOSE_LIBRARY, 'the library was chosen for it');
    });

    it("a yes/no question gets its yes or no first, then the answer (the issue's example)", async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true },
            { say: 'ziraat atmsinden odeme yapabilir miyim', sees: [tr('answers.facets.payment.banks').replace('{{paymentBanks}}', 'İŞBANK / ZİRAAT BANKASI'), tr('answers.payment.title')] },
            { say: 'kart kaybolunca diğer sertifikalarım iptal ediliyor mu', sees: [tr('answers.facets.lostOrStolen.revoked'), tr('answers.lostOrStolen.title')] },
        ]);
        const lead = chat
            .text()
            .split('\n')
            .find((line) => line.startsWith('Evet'));
        assert.ok(lead, 'the first sentence says yes');
    });

    it('"did you mean" is kept as unsure with the answers offered; the answer then clicked is noted on it', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [{ open: true }, { say: 'e-imza', sees: [tr('understanding.didYouMean.title')], doesNotSee: [tr('answers.greeting.title')] }]);
        const [unsure] = await chat.questions.list(0, Number.MAX_SAFE_INTEGER);
        assert.strictEqual(unsure.outcome, 'unsure');
        assert.ok((unsure.candidates ?? []).length >= 2, JSON.stringify(unsure));
        const first = unsure.candidates![0];
        await chat.click(tr(`answers.${first}.title`));
        assert.ok(chat.text().includes(tr(`answers.${first}.title`)), chat.text());
        assert.strictEqual((await chat.questions.list(0, Number.MAX_SAFE_INTEGER))[0].chosen, first);
    });

    it('nonsense gets "I don\'t know" with the library, no "did you mean" and no offer to switch language', async () => {
        const chat = new TestChat({ locale: 'en-US' });
        await play(chat, [
            { open: true },
            { say: 'kuantum pizza neden mor', sees: [en('understanding.unknown.title')], doesNotSee: [en('understanding.didYouMean.title'), tr('understanding.switchLanguage')] },
            { say: 'asdkj qwe zxcv', sees: [en('understanding.unknown.title')], doesNotSee: [tr('understanding.switchLanguage')] },
        ]);
        assert.deepStrictEqual(
            (await chat.questions.list(0, Number.MAX_SAFE_INTEGER)).map((question) => question.outcome),
            ['unknown', 'unknown'],
        );
    });

    it('English: answered in English; an English question in a Turkish chat is understood and the bot offers to switch', async () => {
        await play(new TestChat({ locale: 'en-US' }), [
            { open: true },
            { say: 'who pays for the e signature??', sees: [en('answers.fees.title')] },
            { say: 'are you a real person or a bot', sees: [en('answers.botIdentity.title')] },
        ]);
        const chat = new TestChat({ locale: 'tr-TR' });
        await play(chat, [
            { open: true },
            { say: 'the sms code never arrived', sees: [tr('answers.smsNotReceived.title')], offers: [en('understanding.switchLanguage')] },
            { click: en('understanding.switchLanguage'), sees: [en('language.switched')] },
        ]);
    });

    it('never needs a national ID, an SMS code or a password, and says so when asked', async () => {
        await play(new TestChat({ locale: 'tr-TR' }), [{ open: true }, { say: 'tc kimlik numaramı size vermem gerekiyor mu', sees: [tr('answers.privacyNeverNeeded.title')] }]);
    });
});
