import type { TurnContext } from 'botbuilder';
import type { Choice } from '../cards/payloads';
import { positionOf } from '../flow/flowSteps';
import type { FlowProgress } from '../flow/progress';
import { MENU_CARD, RESUME_CARD, stamped } from './awaiting';
import type { Awaiting } from '../state/botMemory';
import { keyedChoice } from './choiceMatching';
import { speakerFor, type DialogServices, type Speaking } from './dialogServices';

export const MENU_CHOICES = ['first', 'renewal', 'lost', 'status', 'askLibrary', 'myTickets', 'reminders', 'fees', 'contact', 'language'] as const;
export const RESUME_CHOICES = ['resume', 'restart', 'showMenu'] as const;

/** The main menu's buttons: "continue where I left off" first when a flow is saved. */
export function menuChoices(services: Speaking, context: TurnContext, progress: FlowProgress | undefined): Choice[] {
    const speaker = speakerFor(services, context);
    const ids = [...(progress ? ['resume'] : []), ...MENU_CHOICES];
    const position = progress ? { ...positionOf(progress.stepId, progress.kind, progress.answers) } : undefined;
    return stamped(
        context,
        MENU_CARD,
        ids.map((id) => keyedChoice(speaker, id, `menu.options.${id}`, id === 'resume' ? position : undefined)),
    );
}

/** "Welcome back": continue, start over, or the menu. */
export function resumeChoices(services: Speaking, context: TurnContext): Choice[] {
    const speaker = speakerFor(services, context);
    return stamped(
        context,
        RESUME_CARD,
        RESUME_CHOICES.map((id) => keyedChoice(speaker, id, `resume.options.${id}`)),
    );
}

/** The menu's choice ids: a button with one of these works wherever the user is. */
export function isMenuChoice(id: string): boolean {
    return id === 'resume' || (MENU_CHOICES as readonly string[]).includes(id);
}

/**
 * What the bot waits on when no dialog runs (a new chat, a finished or paused flow): the menu,
 * and the welcome-back card's choices.
 */
export async function menuAwaiting(services: Speaking & Pick<DialogServices, 'progress'>, context: TurnContext): Promise<Awaiting> {
    const choices = [...menuChoices(services, context, await services.progress.get(context)), ...resumeChoices(services, context)];
    return {
        cards: [{ card: MENU_CARD }, { card: RESUME_CARD }],
        choices: choices.map((choice) => ({ id: choice.id, card: choice.origin?.card ?? MENU_CARD, title: choice.title, matchKeys: choice.matchKeys })),
    };
}
