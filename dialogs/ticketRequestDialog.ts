import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TicketDetails } from '../tickets/ticket';
import { TICKET_REQUEST_DIALOG } from './dialogIds';
import { speakerFor, type TicketServices } from './dialogServices';
import { APPLICATION_KINDS, isApplicationKind, type ApplicationKind } from '../flow/flowSteps';
import { requesterFor, type Identity } from './requesterIdentity';
import { TicketDialogBase } from './ticketDialogBase';

const REQUEST_WATERFALL = 'ticketRequest.ask';

export interface TicketRequestOptions {
    /** Known when the request starts inside the guided flow. */
    kind?: ApplicationKind;
}

interface RequestValues {
    identity: Required<Identity>;
    details: TicketDetails;
}

/**
 * The e-signature request that starts every application (phase 0), sent to the library as a
 * ticket instead of an e-mail: unit, title, kind and other institutions' e-signatures.
 */
export class TicketRequestDialog extends TicketDialogBase<TicketServices> {
    constructor(services: TicketServices) {
        super(TICKET_REQUEST_DIALOG, services);
        this.addDialog(
            new WaterfallDialog<TicketRequestOptions>(REQUEST_WATERFALL, [
                this.introduce.bind(this),
                this.askUnit.bind(this),
                this.askTitle.bind(this),
                this.askKind.bind(this),
                this.askOtherInstitution.bind(this),
                this.askWhichInstitution.bind(this),
                this.confirm.bind(this),
                this.send.bind(this),
            ]),
        );
        this.initialDialogId = REQUEST_WATERFALL;
    }

    private values(step: WaterfallStepContext): RequestValues {
        return step.values as RequestValues;
    }

    private async introduce(step: WaterfallStepContext<TicketRequestOptions>): Promise<DialogTurnResult> {
        await step.context.sendActivity(speakerFor(this.services, step.context).say('tickets.request.intro'));
        return this.askIdentity(step);
    }

    private async askUnit(step: WaterfallStepContext<TicketRequestOptions>): Promise<DialogTurnResult> {
        const early = this.endedEarly(step);
        if (early) return early;
        const identity = step.result as Required<Identity>;
        this.values(step).identity = identity;
        this.values(step).details = { fullName: identity.name, email: identity.email };
        return this.askText(step, 'tickets.ask.unit');
    }

    private async askTitle(step: WaterfallStepContext<TicketRequestOptions>): Promise<DialogTurnResult> {
        this.values(step).details.unit = (step.result as string).trim();
        return this.askText(step, 'tickets.ask.title');
    }

    private async askKind(step: WaterfallStepContext<TicketRequestOptions>): Promise<DialogTurnResult> {
        this.values(step).details.title = (step.result as string).trim();
        if (step.options?.kind) return step.next(step.options.kind);
        const speaker = speakerFor(this.services, step.context);
        return this.askWithCard(
            step,
            { title: speaker.say('tickets.ask.kind') },
            this.choices(step.context, [...APPLICATION_KINDS], (id) => `tickets.applicationKinds.${id}`),
        );
    }

    private async askOtherInstitution(step: WaterfallStepContext<TicketRequestOptions>): Promise<DialogTurnResult> {
        if (isApplicationKind(step.result)) this.values(step).details.applicationKind = step.result;
        const speaker = speakerFor(this.services, step.context);
        return this.askWithCard(
            step,
            { title: speaker.say('tickets.ask.otherInstitution'), paragraphs: speaker.sayList('tickets.ask.otherInstitutionWhy') },
            this.choices(step.context, ['yes', 'no'], (id) => `options.${id}`),
        );
    }

    private async askWhichInstitution(step: WaterfallStepContext<TicketRequestOptions>): Promise<DialogTurnResult> {
        this.values(step).details.otherInstitution = step.result === 'yes';
        return step.result === 'yes' ? this.askText(step, 'tickets.ask.whichInstitution') : step.next();
    }

    private async confirm(step: WaterfallStepContext<TicketRequestOptions>): Promise<DialogTurnResult> {
        const { details } = this.values(step);
        if (typeof step.result === 'string') details.otherInstitutionSignatures = step.result.trim();
        const speaker = speakerFor(this.services, step.context);
        const facts: [string, string | undefined][] = [
            ['requester', details.fullName],
            ['email', details.email],
            ['unit', details.unit],
            ['title', details.title],
            ['applicationKind', details.applicationKind && speaker.say(`tickets.applicationKinds.${details.applicationKind}`)],
            ['otherInstitution', speaker.say(`options.${details.otherInstitution ? 'yes' : 'no'}`)],
            ['otherInstitutionSignatures', details.otherInstitutionSignatures],
        ];
        return this.askWithCard(
            step,
            {
                title: speaker.say('tickets.request.summaryTitle'),
                paragraphs: speaker.sayList('tickets.request.summaryBody'),
                facts: facts.filter((fact): fact is [string, string] => !!fact[1]).map(([key, value]) => ({ title: speaker.say(`tickets.userFacts.${key}`), value })),
            },
            this.choices(step.context, ['send', 'dontSend'], (id) => `tickets.choices.${id}`),
        );
    }

    private async send(step: WaterfallStepContext<TicketRequestOptions>): Promise<DialogTurnResult> {
        if (step.result !== 'send') return this.dropped(step);
        const { identity, details } = this.values(step);
        const ticket = await this.services.tickets.create({ kind: 'esignatureRequest', requester: requesterFor(step.context, identity), details });
        return this.confirmCreated(step, ticket);
    }
}
