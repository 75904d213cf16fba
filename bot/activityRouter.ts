import type { AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { DialogContext, DialogSet } from 'botbuilder-dialogs';
import { originOf, renewalReminderSchema, ticketMessageSchema, userSubmitOf, type RenewalReminderClick, type TicketMessage } from '../cards/payloads';
import { onlySecret } from '../core/privacyGuard';
import { privacyFinding, turnLanguage } from '../state/turnFacts';
import { isStepId } from '../flow/flowSteps';
import type { Awaiting, AwaitedChoice } from '../state/botMemory';
import { clickedCommandOf, typedChoiceOf, typedCommandOf, type Command } from '../dialogs/choiceMatching';
import { isAwaitedClick } from '../dialogs/awaiting';
import { speakerFor, type DialogServices, type Speaking } from '../dialogs/dialogServices';
import { menuAwaiting } from '../dialogs/menuChoices';
import { setTurnInput, type DialogInput } from '../dialogs/turnInput';
import type { Recognition } from '../understanding/recognizer';
import { answerVerbOf, staffVerbOf, type AnswerVerb, type StaffVerb } from '../tickets/staffVerbs';
import { asksForAnswers } from './staffAnswers';
import { asksForReport } from './staffReport';
import { isSharedConversation, mentionsBot, stripBotMention } from './teamsConversation';

/**
 * Every incoming activity is sorted here, once, into one kind, and handed to exactly one handler.
 * The order of the checks in `classifyMessage` is the order of precedence; no dialog guesses again.
 */
export type Incoming =
    /** A Teams channel or group chat message without an @mention: the team talking, not the bot's business. */
    | { kind: 'notForBot' }
    /** "@bot rapor" in the library's staff channel. */
    | { kind: 'staffReport' }
    /** "@bot cevaplar" in the library's staff channel: the library's answers and the questions waiting for one. */
    | { kind: 'staffAnswers' }
    /** A staff member's verb on a ticket card (an invoke). */
    | { kind: 'staffVerb'; verb: StaffVerb }
    /** The user's answer typed into a library notice card. */
    | { kind: 'ticketMessage'; message: TicketMessage }
    /** A button on a renewal reminder. */
    | { kind: 'reminderClick'; click: RenewalReminderClick }
    /** A message that was a secret and nothing else: the privacy warning is the whole answer. */
    | { kind: 'bareSecret' }
    | DialogInput;

/** What the router reads of a message before sorting it; plain data, so the sorting is a pure function. */
export interface MessageSnapshot {
    shared: boolean;
    mentionsBot: boolean;
    /** In a shared chat: the message (mention stripped) asks for the report in the staff team. */
    asksStaffReport: boolean;
    /** In a shared chat: the message (mention stripped) asks for the library's answers in the staff team. */
    asksStaffAnswers?: boolean;
    text: string;
    value: unknown;
    /** The message was one secret, masked away: nothing is left to answer. */
    onlySecret: boolean;
    /** The card (or free text) the bot waits on. */
    awaiting: Awaiting;
}

/** How typed words are read: commands and button words from the locales, questions by the knowledge base. */
export interface InputWords {
    command(text: string): Command | undefined;
    choice(text: string, choices: AwaitedChoice[]): AwaitedChoice | undefined;
    recognize(text: string): Recognition;
    isSmallTalk(answerId: string): boolean;
}

/** A click: a card of the user's side of a ticket or a reminder, a command, an answer, a choice (current or older). */
function classifyClick(value: object, awaiting: Awaiting): Incoming {
    // Only data with the card's own key can be that card's (the key is required by its schema): every
    // other click is not made to fail a parse, which builds an error with its issues each time.
    const message = Object.hasOwn(value, 'ticketAction') ? ticketMessageSchema.safeParse(value) : undefined;
    if (message?.success) return { kind: 'ticketMessage', message: message.data };
    const reminder = Object.hasOwn(value, 'renewalReminder') ? renewalReminderSchema.safeParse(value) : undefined;
    if (reminder?.success) return { kind: 'reminderClick', click: reminder.data };
    const submit = userSubmitOf(value);
    const command = clickedCommandOf(submit);
    if (command) return { kind: 'command', command, clicked: true };
    if (submit.answer) return { kind: 'answerClick', answerId: submit.answer, ...(submit.asked ? { asked: submit.asked } : {}) };
    if (isStepId(submit.guideFrom)) return { kind: 'guideFrom', stepId: submit.guideFrom, answerId: submit.about };
    const origin = originOf(submit);
    if (typeof submit.choice === 'string') {
        return isAwaitedClick(awaiting, submit.choice, origin) ? { kind: 'click', choice: submit.choice, origin } : { kind: 'olderClick', choice: submit.choice, origin };
    }
    // A button of no card this bot draws now: said plainly, never "please choose".
    return { kind: 'olderClick', origin };
}

/** Typed words: a command, free text the bot asked for, a button's words, small talk, or a question. */
function classifyTyped(text: string, awaiting: Awaiting, words: InputWords): Incoming {
    if (text === '') return { kind: 'other' };
    const command = words.command(text);
    if (command) return { kind: 'command', command, clicked: false };
    if (awaiting.text) return { kind: 'text', text };
    const choice = words.choice(text, awaiting.choices);
    if (choice) return { kind: 'typedChoice', choice: choice.id };
    const recognition = words.recognize(text);
    if (recognition.outcome === 'sure' && recognition.answerId && words.isSmallTalk(recognition.answerId)) return { kind: 'smallTalk', answerId: recognition.answerId };
    return { kind: 'typedQuestion', text, recognition };
}

/** The order of precedence for a message: who it is for, card data, a bare secret, a click, typed words. */
export function classifyMessage(message: MessageSnapshot, words: InputWords): Incoming {
    if (message.shared && !message.mentionsBot) return { kind: 'notForBot' };
    if (message.shared && message.asksStaffReport) return { kind: 'staffReport' };
    if (message.shared && message.asksStaffAnswers) return { kind: 'staffAnswers' };
    if (message.value !== undefined && message.value !== null && typeof message.value === 'object') return classifyClick(message.value, message.awaiting);
    if (message.onlySecret) return { kind: 'bareSecret' };
    return classifyTyped(message.text.trim(), message.awaiting, words);
}

/** An invoke: a staff verb on a ticket card, one on the library's answers, or nothing this bot handles (the SDK answers 501). */
export function classifyInvoke(invoke: AdaptiveCardInvokeValue): { kind: 'staffVerb'; verb: StaffVerb } | { kind: 'answerVerb'; verb: AnswerVerb } | undefined {
    const verb = staffVerbOf(invoke.action?.verb);
    if (verb) return { kind: 'staffVerb', verb };
    const answerVerb = answerVerbOf(invoke.action?.verb);
    return answerVerb ? { kind: 'answerVerb', verb: answerVerb } : undefined;
}

function isDialogInput(incoming: Incoming): incoming is DialogInput {
    return !['notForBot', 'staffReport', 'staffAnswers', 'staffVerb', 'ticketMessage', 'reminderClick', 'bareSecret'].includes(incoming.kind);
}

/** The one handler of each kind of message. */
export interface MessageHandlers {
    /** The user's language for this turn (decided before anything is read or said). */
    useUserLanguage(context: TurnContext): Promise<void>;
    /** Whether a mention in this shared chat may ask for the report, or for the library's answers (the staff team, with that part on). */
    staffAsks(context: TurnContext): { report: boolean; answers: boolean };
    staffReport(context: TurnContext): Promise<void>;
    staffAnswers(context: TurnContext): Promise<void>;
    ticketMessage(context: TurnContext, message: TicketMessage): Promise<void>;
    reminderClick(context: TurnContext, click: RenewalReminderClick, dc: DialogContext): Promise<void>;
    /** Everything the dialogs act on: commands, clicks, typed choices and questions, free text. */
    dialogs(context: TurnContext, input: DialogInput, dc: DialogContext): Promise<void>;
}

/** The router counts the chat's messages, reads what the bot waits on, and recognises typed words. */
type RouterServices = Speaking & Pick<DialogServices, 'knowledge' | 'memory' | 'progress' | 'awaiting'>;

/** Reads a message, sorts it with `classifyMessage`, and hands it to its one handler. */
export class ActivityRouter {
    constructor(
        private readonly services: RouterServices,
        private readonly dialogSet: DialogSet,
        private readonly handlers: MessageHandlers,
    ) {}

    async routeMessage(context: TurnContext): Promise<void> {
        const shared = isSharedConversation(context);
        const mentioned = shared && mentionsBot(context);
        if (mentioned) stripBotMention(context);
        if (shared && !mentioned) return;
        await this.handlers.useUserLanguage(context);
        // The chat counts its messages: the buttons drawn now carry this number.
        const counted = this.services.memory.conversation.turn;
        const turn = ((await counted.get(context)) ?? 0) + 1;
        await counted.set(context, turn);
        const dc = await this.dialogSet.createContext(context);
        const awaiting = dc.activeDialog ? ((await this.services.awaiting.get(context)) ?? { cards: [], choices: [] }) : await menuAwaiting(this.services, context);
        const finding = privacyFinding(context);
        // Asked once: whether a mention in this shared chat may ask for the report or the library's answers.
        const staffMay = shared ? this.handlers.staffAsks(context) : undefined;
        const incoming = classifyMessage(
            {
                shared,
                mentionsBot: mentioned,
                asksStaffReport: !!staffMay?.report && asksForReport(context.activity.text),
                asksStaffAnswers: !!staffMay?.answers && asksForAnswers(context.activity.text, this.services.translator),
                text: context.activity.text ?? '',
                value: context.activity.value,
                onlySecret: !!finding && onlySecret(finding.redacted),
                awaiting,
            },
            this.words(context),
        );
        if (isDialogInput(incoming)) setTurnInput(context, incoming, turn);
        if (finding && incoming.kind !== 'staffReport' && incoming.kind !== 'staffAnswers') {
            await context.sendActivity(speakerFor(this.services, context).say('privacy.warning', { context: finding.kinds[0] }));
        }
        switch (incoming.kind) {
            case 'notForBot':
            case 'staffVerb':
                return;
            case 'staffReport':
                return this.handlers.staffReport(context);
            case 'staffAnswers':
                return this.handlers.staffAnswers(context);
            case 'ticketMessage':
                return this.handlers.ticketMessage(context, incoming.message);
            case 'reminderClick':
                return this.handlers.reminderClick(context, incoming.click, dc);
            case 'bareSecret':
                // The warning said it all; the last card stays where it is.
                return;
            default:
                return this.handlers.dialogs(context, incoming, dc);
        }
    }

    private words(context: TurnContext): InputWords {
        const { translator } = this.services;
        const language = turnLanguage(context);
        const { recognizer, catalogue } = this.services.knowledge.current();
        return {
            command: (text) => typedCommandOf(text, translator),
            choice: (text, choices) => typedChoiceOf(text, choices, translator),
            recognize: (text) => recognizer.recognize(text, language),
            isSmallTalk: (answerId) => catalogue.get(answerId)?.kind === 'smallTalk',
        };
    }
}
