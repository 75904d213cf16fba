import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { EMAIL_PROMPT, REQUESTER_IDENTITY_DIALOG, TEXT_PROMPT } from './dialogIds';
import { speakerFor, type DialogBasics } from './dialogServices';
import { SubtaskDialog } from './subtaskDialog';
import { knownIdentity, type Identity } from './requesterIdentity';
import { freeTextPrompt, institutionalEmailPrompt, isInstitutionalEmail } from './ticketPrompts';

const IDENTITY_WATERFALL = 'requesterIdentity.ask';

/**
 * Who is asking, so the library can answer: taken from Teams when it knows, otherwise asked —
 * only the name and the institutional e-mail, nothing more.
 */
export class RequesterIdentityDialog extends SubtaskDialog {
    constructor(services: DialogBasics) {
        super(REQUESTER_IDENTITY_DIALOG, services);
        this.addDialog(new WaterfallDialog(IDENTITY_WATERFALL, [this.askName.bind(this), this.askEmail.bind(this), this.done.bind(this)]));
        this.addDialog(freeTextPrompt(services));
        this.addDialog(institutionalEmailPrompt(services));
        this.initialDialogId = IDENTITY_WATERFALL;
    }

    private async askName(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const known = await knownIdentity(step.context);
        const identity: Identity = {
            name: known.name,
            email: isInstitutionalEmail(known.email, this.services.profile.institutionalEmailDomain) ? known.email : undefined,
        };
        (step.values as { identity?: Identity }).identity = identity;
        if (identity.name) return step.next();
        const speaker = speakerFor(this.services, step.context);
        return step.prompt(TEXT_PROMPT, { prompt: speaker.say('tickets.ask.name'), retryPrompt: speaker.say('tickets.ask.retryText') });
    }

    private async askEmail(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const identity = (step.values as { identity: Identity }).identity;
        if (typeof step.result === 'string') identity.name = step.result.trim();
        if (identity.email) return step.next();
        const speaker = speakerFor(this.services, step.context);
        return step.prompt(EMAIL_PROMPT, { prompt: speaker.say('tickets.ask.email'), retryPrompt: speaker.say('tickets.ask.retryEmail') });
    }

    private async done(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const identity = (step.values as { identity: Identity }).identity;
        if (typeof step.result === 'string') identity.email = step.result.trim().toLowerCase();
        return step.endDialog(identity);
    }
}
