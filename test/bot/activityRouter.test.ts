import * as assert from 'assert';
import { classifyInvoke, classifyMessage, type InputWords, type MessageSnapshot } from '../../bot/activityRouter';
import { answerData, choiceData, commandData, guideFromData, messageBackData, renewalReminderData, ticketMessageData } from '../../cards/payloads';
import type { Awaiting } from '../../state/botMemory';
import { typedChoiceOf, typedCommandOf } from '../../dialogs/choiceMatching';
import { answerVerb } from '../../tickets/staffVerbs';
import { guideKnowledge, translator } from '../support/testBot';

const { recognizer, catalogue } = guideKnowledge().current();
const words: InputWords = {
    command: (text) => typedCommandOf(text, translator),
    choice: (text, choices) => typedChoiceOf(text, choices, translator),
    recognize: (text) => recognizer.recognize(text, 'tr'),
    isSmallTalk: (answerId) => catalogue.get(answerId)?.kind === 'smallTalk',
};

/** Step 3 waits: its two answers, drawn in turn 7 (a step is the same question whenever drawn). */
const atStep3: Awaiting = {
    cards: [{ card: 'step.kamusmMail' }],
    choices: [
        { id: 'yes', card: 'step.kamusmMail', title: 'Evet, geldi', matchKeys: ['steps.kamusmMail.options.yes', 'synonyms.yes'] },
        { id: 'no', card: 'step.kamusmMail', title: 'Hayır, henüz gelmedi', matchKeys: ['steps.kamusmMail.options.no', 'synonyms.no'] },
    ],
};
/** A ticket's confirmation waits: a one-off card, drawn in turn 12. */
const confirming: Awaiting = {
    cards: [{ card: 'prompt.ticketRequest', turn: 12 }],
    choices: [{ id: 'send', card: 'prompt.ticketRequest', title: 'Gönder', matchKeys: ['tickets.choices.send'] }],
};
const askingText: Awaiting = { cards: [], choices: [], text: true };

const message = (fields: Partial<MessageSnapshot>): MessageSnapshot => ({
    shared: false,
    mentionsBot: false,
    asksStaffReport: false,
    text: '',
    value: undefined,
    onlySecret: false,
    awaiting: atStep3,
    ...fields,
});
const kindOf = (fields: Partial<MessageSnapshot>) => classifyMessage(message(fields), words).kind;

describe('the activity router sorts every message once, in one order', () => {
    it('in a channel or group chat only an @mention is for the bot; "rapor" there is the staff report', () => {
        assert.strictEqual(kindOf({ shared: true, text: 'yardım' }), 'notForBot');
        assert.strictEqual(kindOf({ shared: true, mentionsBot: true, asksStaffReport: true, text: 'rapor' }), 'staffReport');
        assert.strictEqual(kindOf({ shared: true, mentionsBot: true, asksStaffAnswers: true, text: 'cevaplar' }), 'staffAnswers');
        // Outside the staff team (or with that part off) "cevaplar" is an ordinary message.
        assert.notStrictEqual(kindOf({ shared: true, mentionsBot: true, asksStaffAnswers: false, text: 'cevaplar' }), 'staffAnswers');
        assert.strictEqual(kindOf({ shared: true, mentionsBot: true, text: 'yardım' }), 'command');
    });

    it('card data of a ticket or a reminder goes to its own handler, before anything else reads the click', () => {
        assert.strictEqual(kindOf({ value: { ...ticketMessageData('t-1'), message: 'teşekkürler' } }), 'ticketMessage');
        assert.strictEqual(kindOf({ value: renewalReminderData('later', 'r-1', 0) }), 'reminderClick');
        assert.strictEqual(kindOf({ value: messageBackData(renewalReminderData('start', 'r-1', 0), 'Yenilemeyi başlat') }), 'reminderClick');
    });

    it('a message that was only a secret answers nothing but the warning', () => {
        assert.strictEqual(kindOf({ text: '█████', onlySecret: true }), 'bareSecret');
    });

    it('a click is a command, an answer, "guide me from this step", or a choice', () => {
        assert.deepStrictEqual(classifyMessage(message({ value: commandData('help') }), words), {
            kind: 'command',
            command: { name: 'help', language: undefined, question: undefined, asked: undefined },
            clicked: true,
        });
        assert.deepStrictEqual(classifyMessage(message({ value: { answer: 'fees' } }), words), { kind: 'answerClick', answerId: 'fees' });
        // A suggestion carries the id its question was kept under, so the choice is noted on it.
        assert.deepStrictEqual(classifyMessage(message({ value: answerData('fees', 'q-1') }), words), { kind: 'answerClick', answerId: 'fees', asked: 'q-1' });
        assert.deepStrictEqual(classifyMessage(message({ value: guideFromData('login', 'renewal') }), words), { kind: 'guideFrom', stepId: 'login', answerId: 'renewal' });
        // A step id that does not exist guides nowhere.
        assert.strictEqual(kindOf({ value: { guideFrom: '__proto__' } }), 'olderClick');
    });

    it("a choice of the awaited card is current; the same answer on another step's card is older", () => {
        assert.strictEqual(kindOf({ value: choiceData('yes', { card: 'step.kamusmMail', turn: 7 }) }), 'click');
        // A step is the same question whenever drawn: its card drawn again later still answers it.
        assert.strictEqual(kindOf({ value: choiceData('yes', { card: 'step.kamusmMail', turn: 3 }) }), 'click');
        assert.deepStrictEqual(classifyMessage(message({ value: choiceData('yes', { card: 'step.requestSent', turn: 2 }) }), words), {
            kind: 'olderClick',
            choice: 'yes',
            origin: { card: 'step.requestSent', turn: 2 },
        });
        assert.strictEqual(kindOf({ value: choiceData('fees', { card: 'menu', turn: 1 }) }), 'olderClick');
    });

    it('a one-off card answers only as drawn in its turn: the same question of an abandoned errand is older', () => {
        assert.strictEqual(kindOf({ awaiting: confirming, value: choiceData('send', { card: 'prompt.ticketRequest', turn: 12 }) }), 'click');
        assert.strictEqual(kindOf({ awaiting: confirming, value: choiceData('send', { card: 'prompt.ticketRequest', turn: 9 }) }), 'olderClick');
    });

    it('a button drawn before buttons said where they come from counts when its id is awaited; an unknown button is older, never "please choose"', () => {
        assert.strictEqual(kindOf({ value: { choice: 'no' } }), 'click');
        assert.strictEqual(kindOf({ value: { choice: 'reasonLost' } }), 'olderClick');
        assert.strictEqual(kindOf({ value: { something: 'else' } }), 'olderClick');
    });

    it('a messageBack click is sorted by its value, never by the words it shows', () => {
        // Web Chat sends the value alone and shows the title; Teams may merge the data around it.
        const shown = messageBackData(choiceData('yes', { card: 'step.kamusmMail', turn: 7 }), 'iptal');
        assert.strictEqual(kindOf({ value: shown, text: '' }), 'click');
        assert.strictEqual(kindOf({ value: (shown.cardAction as { value: unknown }).value }), 'click');
    });

    it("typed words: a command first, then free text where it is asked, then the awaited card's words, then small talk or a question", () => {
        assert.strictEqual(kindOf({ text: 'geri' }), 'command');
        assert.strictEqual(kindOf({ text: 'Ayşe Yılmaz', awaiting: askingText }), 'text');
        assert.strictEqual(kindOf({ text: 'iptal', awaiting: askingText }), 'command');
        assert.deepStrictEqual(classifyMessage(message({ text: 'evet geldi' }), words), { kind: 'typedChoice', choice: 'yes' });
        assert.deepStrictEqual(classifyMessage(message({ text: '2' }), words), { kind: 'typedChoice', choice: 'no' });
        assert.deepStrictEqual(classifyMessage(message({ text: 'merhaba' }), words), { kind: 'smallTalk', answerId: 'greeting' });
        const question = classifyMessage(message({ text: 'formu nereye götüreceğim' }), words);
        assert.strictEqual(question.kind, 'typedQuestion');
        assert.strictEqual(question.kind === 'typedQuestion' && question.recognition.answerId, 'wetForm');
        assert.strictEqual(kindOf({ text: '   ' }), 'other');
    });

    it('an invoke is a staff verb or nothing of this bot', () => {
        assert.deepStrictEqual(classifyInvoke({ action: { type: 'Action.Execute', verb: 'ticket.claim' } } as never), { kind: 'staffVerb', verb: 'claim' });
        assert.deepStrictEqual(classifyInvoke({ action: { type: 'Action.Execute', verb: answerVerb('save') } } as never), { kind: 'answerVerb', verb: 'save' });
        assert.strictEqual(classifyInvoke({ action: { type: 'Action.Execute', verb: 'something.else' } } as never), undefined);
    });
});
