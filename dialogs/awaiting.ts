import type { TurnContext } from 'botbuilder';
import type { ButtonOrigin, Choice } from '../cards/payloads';
import { isStepId, type StepId } from '../flow/flowSteps';
import type { Awaiting, AwaitedChoice } from '../state/botMemory';
import type { Waiting } from './dialogServices';
import { turnNumber } from './turnInput';

/** The main menu's card: its choices work at any time. */
export const MENU_CARD = 'menu';
/** "Welcome back": resume, restart or the menu. */
export const RESUME_CARD = 'resume';
/** The status explainer's list: each status's meaning can be shown at any time. */
export const STATUS_CARD = 'status';
/** "Which application is it?", asked before a step whose words depend on it. */
export const KIND_CARD = 'situation.kind';
const STEP_PREFIX = 'step.';

export const stepCard = (stepId: StepId) => `${STEP_PREFIX}${stepId}`;

/** The guided step a card shows, when it is a step card. */
export function stepOfCard(card: string | undefined): StepId | undefined {
    const id = card?.startsWith(STEP_PREFIX) ? card.slice(STEP_PREFIX.length) : undefined;
    return isStepId(id) ? id : undefined;
}

/** The choices as buttons of `card`, drawn in this turn. */
export function stamped(context: TurnContext, card: string, choices: Choice[]): Choice[] {
    const origin: ButtonOrigin = { card, turn: turnNumber(context) };
    return choices.map((choice) => ({ ...choice, origin }));
}

/**
 * From now on the bot waits on these (stamped) choices. A one-off card — a question of a ticket or
 * of a reminder — is awaited only as drawn in its turn: the same question drawn again later is
 * another card. A guided step, the menu or the status list is the same question whenever drawn.
 */
export async function awaitChoices(services: Waiting, context: TurnContext, choices: Choice[], options: { oneOff?: boolean } = {}): Promise<void> {
    const cards = new Map<string, number | undefined>();
    const awaited: AwaitedChoice[] = [];
    for (const choice of choices) {
        if (!choice.origin) continue;
        cards.set(choice.origin.card, options.oneOff ? choice.origin.turn : undefined);
        awaited.push({ id: choice.id, card: choice.origin.card, title: choice.title, matchKeys: choice.matchKeys });
    }
    await services.awaiting.set(context, { cards: [...cards].map(([card, turn]) => (turn === undefined ? { card } : { card, turn })), choices: awaited });
}

/** From now on the bot waits on free text (a name, a question for the library, an expiry month). */
export async function awaitText(services: Waiting, context: TurnContext): Promise<void> {
    await services.awaiting.set(context, { cards: [], choices: [], text: true });
}

/**
 * Whether a click answers what the bot waits on. A button drawn before buttons said where they
 * come from counts when its id is among the awaited ones.
 */
export function isAwaitedClick(awaiting: Awaiting, choice: string, origin: ButtonOrigin | undefined): boolean {
    if (!origin) return awaiting.choices.some((awaited) => awaited.id === choice);
    return (
        awaiting.choices.some((awaited) => awaited.id === choice && awaited.card === origin.card)
        && awaiting.cards.some((card) => card.card === origin.card && (card.turn === undefined || card.turn === origin.turn))
    );
}
