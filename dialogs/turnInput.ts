import type { TurnContext } from 'botbuilder';
import type { ButtonOrigin } from '../cards/payloads';
import type { StepId } from '../flow/flowSteps';
import type { Recognition } from '../understanding/recognizer';
import type { Command } from './choiceMatching';

/**
 * What the user did this turn, sorted once by the bot's activity router (bot/activityRouter.ts).
 * Dialogs act on it; none of them guesses again what a message was.
 */
export type DialogInput =
    /** help, cancel, menu, back, language, the library…: a button or its words. */
    | { kind: 'command'; command: Command; clicked: boolean }
    /** A button of the card the bot waits on. */
    | { kind: 'click'; choice: string; origin?: ButtonOrigin }
    /** A button of another card: an earlier step, the welcome menu, a finished or abandoned question. */
    | { kind: 'olderClick'; choice?: string; origin?: ButtonOrigin }
    /** A button of the card the bot waits on, typed as words (its title, a synonym, its number). */
    | { kind: 'typedChoice'; choice: string }
    /** A suggested answer clicked ("did you mean…?"); `asked`: the id its question was kept under for the library. */
    | { kind: 'answerClick'; answerId: string; asked?: string }
    /** "Guide me from this step" on an answer; `answerId` is the answer, which may say something of the user's situation. */
    | { kind: 'guideFrom'; stepId: StepId; answerId?: string }
    /** Free text where the bot asked for it (a name, a question for the library, an expiry month). */
    | { kind: 'text'; text: string }
    /** Typed words that are no button and no command: a question for the knowledge base. */
    | { kind: 'typedQuestion'; text: string; recognition: Recognition }
    /** Hello, thanks, goodbye. */
    | { kind: 'smallTalk'; answerId: string }
    /** Nothing to act on: an empty message, an unknown button. */
    | { kind: 'other' };

const INPUT = Symbol('eimza.dialogInput');
const TURN = Symbol('eimza.turnNumber');
const OTHER: DialogInput = { kind: 'other' };

export function setTurnInput(context: TurnContext, input: DialogInput, turn: number): void {
    context.turnState.set(INPUT, input);
    context.turnState.set(TURN, turn);
}

/** This turn's input; a turn the router did not sort (a welcome on install) has none to act on. */
export function turnInput(context: TurnContext): DialogInput {
    return context.turnState.get<DialogInput | undefined>(INPUT) ?? OTHER;
}

/** The conversation's turn number, stamped on the buttons drawn in this turn. */
export function turnNumber(context: TurnContext): number {
    return context.turnState.get<number | undefined>(TURN) ?? 0;
}

/** The choice this turn made on the card the bot waits on: its button clicked, or its words typed. */
export function chosenId(context: TurnContext): string | undefined {
    const input = turnInput(context);
    return input.kind === 'click' || input.kind === 'typedChoice' ? input.choice : undefined;
}
