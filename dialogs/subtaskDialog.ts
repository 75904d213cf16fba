import { Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Command } from './choiceMatching';
import { speakerFor, type DialogBasics } from './dialogServices';
import { InterruptibleDialog, isOutcome } from './interruptibleDialog';

/**
 * A short errand inside a bigger task (sending a ticket from a step): "cancel" and "back" drop
 * the errand and return to the task; "menu" still goes all the way to the menu.
 */
export abstract class SubtaskDialog<S extends DialogBasics = DialogBasics> extends InterruptibleDialog<S> {
    protected async interrupt(innerDc: DialogContext, command: Command): Promise<DialogTurnResult> {
        if (command.name !== 'cancel') return super.interrupt(innerDc, command);
        await innerDc.context.sendActivity(speakerFor(this.services, innerDc.context).say('tickets.notSent'));
        return this.finish(innerDc, { next: 'back' });
    }

    /** Leaving for another topic drops the errand: said plainly. */
    protected async onLeave(innerDc: DialogContext): Promise<void> {
        await innerDc.context.sendActivity(speakerFor(this.services, innerDc.context).say('tickets.notSent'));
    }

    protected async goBack(innerDc: DialogContext): Promise<DialogTurnResult> {
        return this.finish(innerDc, { next: 'back' });
    }

    /** The errand's question again, as it was asked. */
    protected async redisplay(innerDc: DialogContext): Promise<DialogTurnResult> {
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
    }

    /** When a nested errand ended early, this one ends the same way. */
    protected endedEarly(step: WaterfallStepContext): Promise<DialogTurnResult> | undefined {
        return isOutcome(step.result) ? step.endDialog(step.result) : undefined;
    }
}
