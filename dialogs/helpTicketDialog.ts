import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TranscriptLine } from '../tickets/ticket';
import { HELP_TICKET_DIALOG, type HelpTicketOptions } from './dialogIds';
import type { DialogServices, TicketServices } from './dialogServices';
import { requesterFor, type Identity } from './requesterIdentity';
import { TicketDialogBase } from './ticketDialogBase';

const HELP_WATERFALL = 'helpTicket.ask';
const TRANSCRIPT_LINES = 10;

interface HelpValues {
    transcript: TranscriptLine[];
    question: string;
}

/** A help ticket carries the last turns, so the library sees what led to the question. */
export type HelpTicketServices = TicketServices & Pick<DialogServices, 'recentTurns'>;

/** The user is stuck: their question, the step they are on and the last turns go to the library. */
export class HelpTicketDialog extends TicketDialogBase<HelpTicketServices> {
    constructor(services: HelpTicketServices) {
        super(HELP_TICKET_DIALOG, services);
        this.addDialog(new WaterfallDialog(HELP_WATERFALL, [this.askQuestion.bind(this), this.askIdentityStep.bind(this), this.send.bind(this)]));
        this.initialDialogId = HELP_WATERFALL;
    }

    private async askQuestion(step: WaterfallStepContext): Promise<DialogTurnResult> {
        // What led here, taken before this errand's own questions crowd the last turns.
        (step.values as HelpValues).transcript = (await this.services.recentTurns.get(step.context, [])).slice(-TRANSCRIPT_LINES);
        const prefilled = (step.options as HelpTicketOptions | undefined)?.question?.trim();
        if (prefilled) return step.next(prefilled);
        return this.askText(step, 'tickets.ask.question', 'tickets.help.intro');
    }

    private async askIdentityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        (step.values as HelpValues).question = (step.result as string).trim();
        return this.askIdentity(step);
    }

    private async send(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const early = this.endedEarly(step);
        if (early) return early;
        const identity = step.result as Required<Identity>;
        const progress = await this.services.progress.get(step.context);
        const { question, transcript } = step.values as HelpValues;
        const ticket = await this.services.tickets.create({
            kind: 'help',
            requester: requesterFor(step.context, identity),
            details: { fullName: identity.name, email: identity.email, question, stepId: progress?.stepId, transcript },
        });
        return this.confirmCreated(step, ticket);
    }
}
