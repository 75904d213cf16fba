import type { TurnContext } from 'botbuilder';
import { Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { STATUS_KEYS, statusDetailCard, statusListCard, type StatusKey } from '../cards/infoCards';
import type { Choice } from '../cards/payloads';
import { keyedChoice } from './choiceMatching';
import { speakerFor } from './dialogServices';
import { STATUS_EXPLAINER_DIALOG } from './dialogIds';
import { HelpTicketDialog, type HelpTicketServices } from './helpTicketDialog';
import { awaitChoices, STATUS_CARD, stamped } from './awaiting';
import { chosenId } from './turnInput';
import { InterruptibleDialog, isOutcome, leavesParent } from './interruptibleDialog';

const STATUS_WATERFALL = 'statusExplainer.pick';
const DONE = 'done';

interface PickOptions {
    /** The last card already offers every status: wait for the pick without drawing the list again. */
    quiet?: boolean;
}

/** "What does my status mean?": one card per application status KamuSM shows. */
export class StatusExplainerDialog extends InterruptibleDialog {
    /** Its own steps use every dialog's basics; the services are for the help ticket it can open. */
    constructor(services: HelpTicketServices) {
        super(STATUS_EXPLAINER_DIALOG, services);
        this.addDialog(new WaterfallDialog<PickOptions>(STATUS_WATERFALL, [this.showList.bind(this), this.explain.bind(this)]));
        this.addDialog(new HelpTicketDialog(services));
        this.initialDialogId = STATUS_WATERFALL;
    }

    private async showList(step: WaterfallStepContext<PickOptions>): Promise<DialogTurnResult> {
        if (!step.options?.quiet) {
            const choices = this.choices(step.context);
            await step.context.sendActivity({ attachments: [statusListCard(speakerFor(this.services, step.context), choices)] });
            await awaitChoices(this.services, step.context, choices);
        }
        return Dialog.EndOfTurn;
    }

    private async explain(step: WaterfallStepContext<PickOptions>): Promise<DialogTurnResult> {
        // A help ticket begun over the waiting list ended: back to the list, unless it leaves for the menu.
        if (isOutcome(step.result)) return leavesParent(step.result) ? step.endDialog(step.result) : step.replaceDialog(STATUS_WATERFALL);
        const picked = this.choices(step.context).find((choice) => choice.id === chosenId(step.context))?.id;
        if (picked === DONE) return step.endDialog({ next: 'back' });
        const speaker = speakerFor(this.services, step.context);
        if (!picked) {
            await step.context.sendActivity(speaker.say('flow.chooseAnOption'));
            return step.replaceDialog(STATUS_WATERFALL);
        }
        const others = this.choices(step.context).filter((choice) => choice.id !== picked);
        await step.context.sendActivity({ attachments: [statusDetailCard(speaker, this.services.profile, picked as StatusKey, others)] });
        return step.replaceDialog(STATUS_WATERFALL, { quiet: true });
    }

    protected async redisplay(innerDc: DialogContext): Promise<DialogTurnResult> {
        return innerDc.replaceDialog(STATUS_WATERFALL);
    }

    /** The list above still holds every status: an answer stands on its own. */
    protected afterAnswer(innerDc: DialogContext): Promise<DialogTurnResult> {
        return innerDc.replaceDialog(STATUS_WATERFALL, { quiet: true } satisfies PickOptions);
    }

    protected async goBack(innerDc: DialogContext): Promise<DialogTurnResult> {
        return this.finish(innerDc, { next: 'back' });
    }

    private choices(context: TurnContext): Choice[] {
        const speaker = speakerFor(this.services, context);
        return stamped(context, STATUS_CARD, [
            // The row statuses by their screen words; the result screen's heading by its own title.
            ...STATUS_KEYS.map((status) => keyedChoice(speaker, status, speaker.has(`status.${status}.choice`) ? `status.${status}.choice` : `kamusm.statuses.${status}`)),
            keyedChoice(speaker, DONE, 'status.done'),
        ]);
    }
}
