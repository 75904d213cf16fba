import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { HELP_TICKET_DIALOG } from './dialogIds';
import { speakerFor, type DialogServices } from './dialogServices';
import { requesterFor, type Identity } from './requesterIdentity';
import { TicketDialogBase } from './ticketDialogBase';

const HELP_WATERFALL = 'helpTicket.ask';

/** The user is stuck: their question, the step they are on and the last turns go to the library. */
export class HelpTicketDialog extends TicketDialogBase {
    constructor(services: DialogServices) {
        super(HELP_TICKET_DIALOG, services);
        this.addDialog(new WaterfallDialog(HELP_WATERFALL, [this.askQuestion.bind(this), this.askIdentityStep.bind(this), this.send.bind(this)]));
        this.initialDialogId = HELP_WATERFALL;
    }

    private async askQuestion(step: WaterfallStepContext): Promise<DialogTurnResult> {
        await step.context.sendActivity(speakerFor(this.services, step.context).say('tickets.help.intro'));
        return this.askText(step, 'tickets.ask.question');
    }

    private async askIdentityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        (step.values as { question?: string }).question = (step.result as string).trim();
        return this.askIdentity(step);
    }

    private async send(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const early = this.endedEarly(step);
        if (early) return early;
        const identity = step.result as Required<Identity>;
        const progress = await this.services.progress.get(step.context);
        // The question itself is the newest user turn: the transcript shows what led to it.
        const transcript = (await this.services.recentTurns.get(step.context, [])).slice(-8);
        const ticket = await this.services.tickets.create({
            kind: 'help',
            requester: requesterFor(step.context, identity),
            details: { fullName: identity.name, email: identity.email, question: (step.values as { question: string }).question, stepId: progress?.stepId, transcript },
        });
        return this.confirmCreated(step, ticket);
    }
}
