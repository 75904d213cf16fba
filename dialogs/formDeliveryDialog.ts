import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { FORM_DELIVERY_DIALOG } from './dialogIds';
import { speakerFor, type TicketServices } from './dialogServices';
import { requesterFor, type Identity } from './requesterIdentity';
import { TicketDialogBase } from './ticketDialogBase';

const DELIVERY_WATERFALL = 'formDelivery.ask';

/** "I will bring my signed form": the library expects it and ships it to KamuSM. */
export class FormDeliveryDialog extends TicketDialogBase<TicketServices> {
    constructor(services: TicketServices) {
        super(FORM_DELIVERY_DIALOG, services);
        this.addDialog(new WaterfallDialog(DELIVERY_WATERFALL, [this.askIdentity.bind(this), this.confirm.bind(this), this.send.bind(this)]));
        this.initialDialogId = DELIVERY_WATERFALL;
    }

    private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const early = this.endedEarly(step);
        if (early) return early;
        (step.values as { identity?: Identity }).identity = step.result as Identity;
        const speaker = speakerFor(this.services, step.context);
        return this.askWithCard(
            step,
            { title: speaker.say('tickets.formDelivery.title'), paragraphs: speaker.sayList('tickets.formDelivery.body') },
            this.choices(step.context, ['send', 'dontSend'], (id) => `tickets.choices.${id}`),
        );
    }

    private async send(step: WaterfallStepContext): Promise<DialogTurnResult> {
        if (step.result !== 'send') return this.dropped(step);
        const identity = (step.values as { identity: Required<Identity> }).identity;
        const ticket = await this.services.tickets.create({
            kind: 'formDelivery',
            requester: requesterFor(step.context, identity),
            details: { fullName: identity.name, email: identity.email },
        });
        return this.confirmCreated(step, ticket);
    }
}
