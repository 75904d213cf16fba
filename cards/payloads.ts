import { z } from 'zod';
import { LANGUAGES, type Language } from '../core/language';

/**
 * Every payload a card sends back, declared once: what the buttons and inputs carry, and the
 * schema that checks it at the boundary before any dialog or handler trusts it.
 */

/**
 * Where a button was drawn: the card (a guided step `step.<id>`, the `menu`, a one-off question
 * `prompt.<dialog>`, …) and the conversation turn. A click is current only while its card is the one
 * the bot waits on; a click on an older card is recognised as such instead of answering another question.
 */
export interface ButtonOrigin {
    card: string;
    turn: number;
}

/** One button: its title in the turn's language, the locale keys whose words also pick it, and the card it belongs to. */
export interface Choice {
    id: string;
    title: string;
    matchKeys: string[];
    origin?: ButtonOrigin;
}

/** Work on every step of every dialog; `status` and `fees` are offered by answers to typed questions, `repeat` shows the current card again. */
export const COMMANDS = ['help', 'cancel', 'menu', 'back', 'library', 'language', 'ticket', 'status', 'fees', 'repeat'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const choiceData = (id: string, origin?: ButtonOrigin) => (origin ? { choice: id, card: origin.card, turn: origin.turn } : { choice: id });
export const commandData = (name: CommandName, language?: Language) => (language ? { command: name, language } : { command: name });
/**
 * "Write to the library" with the user's question already filled in (it was masked before it got
 * here); `asked`: the id it was kept under for the library, so the choice is noted there too.
 */
export const ticketWithQuestionData = (question: string, asked?: string) => ({ command: 'ticket' as const, question: question.slice(0, QUESTION_MAX), ...(asked ? { asked } : {}) });
/** A suggested answer ("did you mean…?"), shown wherever the user is; `asked` as above. */
export const answerData = (answerId: string, asked?: string) => ({ answer: answerId, ...(asked ? { asked } : {}) });
/** "Guide me from this step": the guided flow continues at the step an answer belongs to; `about` is the answer (what it implies of the user's situation). */
export const guideFromData = (stepId: string, answerId?: string) => (answerId ? { guideFrom: stepId, about: answerId } : { guideFrom: stepId });

const QUESTION_MAX = 500;
export const ticketMessageData = (ticketId: string) => ({ ticketAction: 'message' as const, ticketId });

const shortText = z.string().max(200);

const CARD_ID = /^[a-zA-Z][\w.-]{0,60}$/;

/** A user's click on a guide card: a choice, or a command that works on every step; where the button was drawn. */
const userSubmitSchema = z.object({
    choice: shortText.optional(),
    card: z.string().regex(CARD_ID).optional(),
    turn: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    command: z.enum(COMMANDS).optional(),
    language: z.enum(LANGUAGES).optional(),
    question: z.string().max(QUESTION_MAX).optional(),
    answer: shortText.optional(),
    guideFrom: shortText.optional(),
    about: shortText.optional(),
    asked: z.string().max(64).optional(),
});
export type UserSubmit = z.infer<typeof userSubmitSchema>;

/** The longest answer a user can type into a notice card (its input's `maxLength`); longer text is cut. */
export const USER_ANSWER_MAX = 2000;
/** The longest reply, question or note staff can type on a ticket card (its inputs' `maxLength`). */
export const STAFF_TEXT_MAX = 2000;

/**
 * The user's answer to the library, typed into a notice card (the input is named `message`).
 * A client that ignores `maxLength` still gets its answer through, cut to `USER_ANSWER_MAX`.
 */
export const ticketMessageSchema = z.object({
    ticketAction: z.literal('message'),
    ticketId: shortText,
    message: z
        .string()
        .transform((text) => text.slice(0, USER_ANSWER_MAX))
        .optional(),
});
export type TicketMessage = z.infer<typeof ticketMessageSchema>;

/** A click on a renewal reminder: start the renewal, remind later, or turn the reminder off. */
export const RENEWAL_REMINDER_ACTIONS = ['start', 'later', 'off'] as const;
export const renewalReminderData = (action: (typeof RENEWAL_REMINDER_ACTIONS)[number], reminderId: string, stage: number) => ({ renewalReminder: action, reminderId, stage });
export const renewalReminderSchema = z.object({
    renewalReminder: z.enum(RENEWAL_REMINDER_ACTIONS),
    reminderId: shortText,
    stage: z.number().int().min(0).max(5),
});
export type RenewalReminderClick = z.infer<typeof renewalReminderSchema>;

/** A staff click on a ticket card (`Action.Execute`): the ticket, and the card's inputs. */
export const staffActionDataSchema = z.object({
    ticketId: shortText,
    replyText: z.string().max(STAFF_TEXT_MAX).optional(),
    askText: z.string().max(STAFF_TEXT_MAX).optional(),
    resolveText: z.string().max(STAFF_TEXT_MAX).optional(),
    assigneeId: shortText.optional(),
});
export type StaffActionData = z.infer<typeof staffActionDataSchema>;

/** The submitted value as a user click, or an empty one when it is not shaped like one. */
export function userSubmitOf(value: unknown): UserSubmit {
    const parsed = userSubmitSchema.safeParse(value);
    return parsed.success ? parsed.data : {};
}

/** Where a click's button was drawn, when its data says so (cards drawn before buttons carried it do not). */
export function originOf(submit: UserSubmit): ButtonOrigin | undefined {
    return submit.card !== undefined && submit.turn !== undefined ? { card: submit.card, turn: submit.turn } : undefined;
}

/**
 * A button's data as a messageBack: the channel shows the button's title as the user's own message
 * and sends `payload` as the activity's value; the bot acts on the value, never on the words shown.
 * Web Chat reads `cardAction` (`__isBotFrameworkCardAction`; it draws the user's bubble only when
 * the title also goes as `text`), Teams reads `msteams`; the payload also stays at the top for
 * channels that send an Action.Submit's data as it is (the Emulator, the Agents Playground, tests).
 */
export function messageBackData(payload: Record<string, unknown>, displayText: string): Record<string, unknown> {
    return {
        ...payload,
        msteams: { type: 'messageBack', displayText, value: payload },
        __isBotFrameworkCardAction: true,
        cardAction: { type: 'messageBack', displayText, text: displayText, value: payload },
    };
}

/** The inputs of the answer editor (the library teaching the bot), each with its own id on the card. */
export const ANSWER_INPUTS = {
    titleTr: 'answerTitleTr',
    titleEn: 'answerTitleEn',
    textTr: 'answerTextTr',
    textEn: 'answerTextEn',
    examplesTr: 'answerExamplesTr',
    examplesEn: 'answerExamplesEn',
    confirm: 'answerConfirm',
} as const;
/** Longest title, answer and example list the editor takes (its inputs' `maxLength`). */
export const ANSWER_TEXT_MAX = { title: 120, text: 2000, examples: 2000 } as const;

/**
 * A staff click on the library's answers (`Action.Execute`): which answer (and the version opened),
 * the ticket or the question it is taught from, and the editor's inputs. A client that ignores
 * `maxLength` still gets through, cut.
 */
export const staffAnswerDataSchema = z.object({
    answerId: shortText.optional(),
    eTag: shortText.optional(),
    ticketId: shortText.optional(),
    question: z
        .string()
        .transform((text) => text.slice(0, QUESTION_MAX))
        .optional(),
    [ANSWER_INPUTS.titleTr]: z
        .string()
        .transform((text) => text.slice(0, ANSWER_TEXT_MAX.title))
        .optional(),
    [ANSWER_INPUTS.titleEn]: z
        .string()
        .transform((text) => text.slice(0, ANSWER_TEXT_MAX.title))
        .optional(),
    [ANSWER_INPUTS.textTr]: z
        .string()
        .transform((text) => text.slice(0, ANSWER_TEXT_MAX.text))
        .optional(),
    [ANSWER_INPUTS.textEn]: z
        .string()
        .transform((text) => text.slice(0, ANSWER_TEXT_MAX.text))
        .optional(),
    [ANSWER_INPUTS.examplesTr]: z
        .string()
        .transform((text) => text.slice(0, ANSWER_TEXT_MAX.examples))
        .optional(),
    [ANSWER_INPUTS.examplesEn]: z
        .string()
        .transform((text) => text.slice(0, ANSWER_TEXT_MAX.examples))
        .optional(),
    [ANSWER_INPUTS.confirm]: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});
export type StaffAnswerData = z.infer<typeof staffAnswerDataSchema>;
