import * as assert from 'assert';
import { choiceData, messageBackData } from '../../cards/payloads';
import { requesterIdFor } from '../../tickets/requesterIds';
import type { Language } from '../../core/language';
import { languageSpeaker } from '../../institution/profileSpeaker';
import { positionOf, type StepId } from '../../flow/flowSteps';
import { progressOf as savedProgress } from '../support/flowState';
import { renderGuideCard } from '../../cards/guideCard';
import { buttonsOf, type CardButton } from '../support/cardText';
import { profile, TestChat, translator } from '../support/testBot';

const speaker = (language: Language) => languageSpeaker(translator, profile, language);
const LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-US' };

const progressOf = (chat: TestChat) => savedProgress(chat.storage);

async function stepOf(chat: TestChat): Promise<StepId | undefined> {
    return (await progressOf(chat))?.stepId;
}

/** The button of an earlier card with this title, as it is still clickable higher up in the chat. */
function olderButton(chat: TestChat, title: string): CardButton {
    const button = chat.olderButtons().find((candidate) => candidate.title === title);
    if (!button) throw new Error(`no earlier button "${title}"`);
    return button;
}

/** A new user of `language` at step 3 of a first application (the KamuSM mail), with the step 1 card and the menu above. */
async function atStep3(language: Language): Promise<{ chat: TestChat; say: ReturnType<typeof speaker> }> {
    const say = speaker(language);
    const chat = new TestChat({ locale: LOCALES[language] });
    await chat.open();
    await chat.click(say.say('menu.options.first'));
    await chat.click(say.say('steps.requestSent.options.yes'));
    await chat.click(say.say('steps.otherInstitution.options.no'));
    assert.strictEqual(await stepOf(chat), 'kamusmMail');
    return { chat, say };
}

const notUnderstood = (language: Language) => translator.t(language, 'flow.chooseAnOption');

for (const language of ['tr', 'en'] as const) {
    describe(`clicks on older cards (${language})`, () => {
        it('at step 3, "Fees" on the welcome card answers with the fees and a one-line reminder of step 3, and the step stays', async () => {
            const { chat, say } = await atStep3(language);
            await chat.press(olderButton(chat, say.say('menu.options.fees')));
            const text = chat.text();
            assert.ok(text.includes(say.say('fees.title')), text);
            assert.ok(text.includes(say.say('stepHeader.reminder', { ...positionOf('kamusmMail', 'first', {}), title: say.say('steps.kamusmMail.title') })), text);
            assert.ok(!text.includes(notUnderstood(language)), text);
            assert.strictEqual(chat.replies().length, 1, 'the fees and the reminder come in one message');
            assert.strictEqual(await stepOf(chat), 'kamusmMail');
            // The reminder's own button answers step 3.
            await chat.click(say.say('steps.kamusmMail.options.yes'));
            assert.strictEqual(await stepOf(chat), 'signatureValid');
        });

        it('at step 3, "Yes, I sent it" on the step 1 card is not taken as an answer to step 3: said plainly, step 3 shown again', async () => {
            const { chat, say } = await atStep3(language);
            await chat.press(olderButton(chat, say.say('steps.requestSent.options.yes')));
            const text = chat.text();
            assert.ok(text.includes(say.say('clicks.earlierStep', { title: say.say('steps.requestSent.title'), number: 3, total: 18 })), text);
            assert.ok(text.includes(say.say('steps.kamusmMail.title')), text);
            assert.ok(!text.includes(notUnderstood(language)), text);
            assert.strictEqual(await stepOf(chat), 'kamusmMail', 'not moved on to step 4');
        });

        it('an earlier answer clicked differently takes the user back to that step with the new answer, and says so', async () => {
            const { chat, say } = await atStep3(language);
            await chat.press(olderButton(chat, say.say('steps.otherInstitution.options.yes')));
            const text = chat.text();
            assert.ok(text.includes(say.say('clicks.answerChanged', { question: say.say('steps.otherInstitution.title'), answer: say.say('steps.otherInstitution.options.yes') })), text);
            assert.ok(text.includes(say.say('steps.otherInstitutionNotice.title')), text);
            const progress = await progressOf(chat);
            assert.strictEqual(progress?.stepId, 'otherInstitutionNotice');
            assert.strictEqual(progress?.answers.otherInstitution, true);
            assert.deepStrictEqual(progress?.history, ['requestSent', 'otherInstitution']);
        });

        it('another application on the welcome card asks before replacing the one in progress; the same one says the user is in it', async () => {
            const { chat, say } = await atStep3(language);
            await chat.press(olderButton(chat, say.say('menu.options.renewal')));
            assert.ok(chat.text().includes(say.say('clicks.switch.title')), chat.text());
            await chat.click(say.say('clicks.switch.options.resume'));
            assert.strictEqual(await stepOf(chat), 'kamusmMail');
            assert.strictEqual((await progressOf(chat))?.kind, 'first');
            await chat.press(olderButton(chat, say.say('menu.options.first')));
            assert.ok(chat.text().includes(say.say('clicks.alreadyHere')), chat.text());
            assert.strictEqual(await stepOf(chat), 'kamusmMail');
            await chat.press(olderButton(chat, say.say('menu.options.renewal')));
            await chat.click(say.say('clicks.switch.options.switch', { wanted: say.say('menu.options.renewal') }));
            const progress = await progressOf(chat);
            assert.deepStrictEqual([progress?.kind, progress?.stepId], ['renewal', 'requestSent']);
        });
    });
}

describe('clicks on cards of finished or abandoned questions', () => {
    const say = speaker('tr');

    it('the reminders question: an older menu button is never read as a month and year', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await chat.open();
        await chat.click(say.say('menu.options.reminders'));
        assert.ok(chat.text().includes(say.say('renewalReminders.askTitle')), chat.text());
        await chat.press(olderButton(chat, say.say('menu.options.contact')));
        const text = chat.text();
        assert.ok(text.includes(say.say('contacts.title')), text);
        assert.ok(!text.includes(say.say('renewalReminders.retry')), text);
        assert.ok(text.includes(say.say('renewalReminders.askTitle')), 'the question is asked again');
        await chat.say('06/2031');
        assert.ok(!chat.text().includes(say.say('renewalReminders.retry')), chat.text());
    });

    it('a ticket question left unanswered: its "Send" clicked later sends nothing; the new question\'s does', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        const toConfirmation = async () => {
            await chat.click(say.say('steps.requestHowTo.options.sendViaBot'));
            for (const answer of ['Ayşe Yılmaz', `ayse@${profile.institutionalEmailDomain}`, 'Kardiyoloji', 'Doçent']) await chat.say(answer);
            await chat.click(say.say('options.no'));
            assert.ok(chat.text().includes(say.say('tickets.request.summaryTitle')), chat.text());
        };
        await chat.open();
        await chat.click(say.say('menu.options.first'));
        await chat.click(say.say('steps.requestSent.options.no'));
        await toConfirmation();
        const abandoned = chat.buttons().find((button) => button.title === say.say('tickets.choices.send'));
        assert.ok(abandoned);
        await chat.say('menü');
        await chat.click(say.say('menu.options.resume', { number: 1, total: 18 }));
        await toConfirmation();
        await chat.press(abandoned);
        assert.ok(chat.text().includes(say.say('clicks.notCurrent')), chat.text());
        assert.strictEqual((await chat.tickets.listByRequester(requesterIdFor('test', 'user-1'))).length, 0, 'nothing was sent');
        await chat.click(say.say('tickets.choices.send'));
        assert.strictEqual((await chat.tickets.listByRequester(requesterIdFor('test', 'user-1'))).length, 1);
    });

    it("the status explainer's buttons still explain their status after it ended", async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await chat.open();
        await chat.click(say.say('menu.options.status'));
        await chat.click(say.say('status.done'));
        await chat.press(olderButton(chat, say.say('kamusm.statuses.awaitingProduction')));
        const text = chat.text();
        assert.ok(text.includes(say.sayList('status.awaitingProduction.body')[0]), text);
        assert.ok(!text.includes(notUnderstood('tr')), text);
    });

    it('a step of a cancelled flow: said plainly, the menu shown, nothing restarted', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await chat.open();
        await chat.click(say.say('menu.options.first'));
        await chat.click(say.say('steps.requestSent.options.yes'));
        await chat.say('iptal');
        await chat.press(olderButton(chat, say.say('steps.otherInstitution.options.no')));
        const text = chat.text();
        assert.ok(text.includes(say.say('clicks.notCurrent')), text);
        assert.ok(text.includes(say.sayList('menu.prompt')[0]), text);
        assert.strictEqual(await progressOf(chat), undefined);
    });
});

describe('buttons say where they come from and show what was chosen', () => {
    const say = speaker('tr');

    it('every button of a step card is a messageBack showing its title, carrying the card and the turn it was drawn in', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await chat.open();
        await chat.click(say.say('menu.options.first'));
        const [card] = chat.replies();
        for (const button of buttonsOf(card)) {
            type MessageBack = { type: string; displayText: string; value: Record<string, unknown> };
            const { cardAction, msteams } = button.data as { cardAction: MessageBack; msteams: MessageBack };
            assert.strictEqual(cardAction.type, 'messageBack');
            assert.strictEqual(cardAction.displayText, button.title);
            assert.deepStrictEqual([msteams.type, msteams.displayText, msteams.value], [cardAction.type, cardAction.displayText, cardAction.value], 'Teams reads the same messageBack');
            assert.strictEqual(cardAction.value.card, 'step.requestSent');
            assert.strictEqual(cardAction.value.turn, 1);
        }
    });

    it('the bot acts on the value, never on the words shown for it', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await chat.open();
        await chat.click(say.say('menu.options.first'));
        // A click showing "iptal" (cancel) whose value answers "yes": the value counts.
        await chat.press({ title: 'iptal', data: messageBackData(choiceData('yes', { card: 'step.requestSent', turn: 1 }), 'iptal') });
        assert.strictEqual(await stepOf(chat), 'otherInstitution');
        assert.ok(!chat.text().includes(say.say('cancel.done')));
    });

    it("a card with a text box keeps a plain submit, so the box's words come back with it", () => {
        const card = renderGuideCard({ title: 't', input: { id: 'message', placeholder: 'p', maxLength: 10 }, actions: [{ title: 'Gönder', data: { ticketAction: 'message', ticketId: 'x' } }] });
        const [button] = buttonsOf({ attachments: [card] });
        assert.deepStrictEqual(button.data, { ticketAction: 'message', ticketId: 'x' });
    });
});
