import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceActions } from '../cards/commonActions';
import { renderGuideCard, type GuideCardContent } from '../cards/guideCard';
import type { Ticket } from '../tickets/ticket';
import { askWithCard, CardChoicePrompt } from './cardChoicePrompt';
import type { Choice } from '../cards/payloads';
import { keyedChoice } from './choiceMatching';
import { CARD_CHOICE_PROMPT, REQUESTER_IDENTITY_DIALOG, TEXT_PROMPT } from './dialogIds';
import { speakerFor, type DialogBasics } from './dialogServices';
import type { DialogOutcome } from './interruptibleDialog';
import { RequesterIdentityDialog } from './requesterIdentityDialog';
import { SubtaskDialog } from './subtaskDialog';
import { MENU_CARD, stamped } from './awaiting';
import { freeTextPrompt } from './ticketPrompts';
import { sendWithNextMessage } from '../state/sameMessage';

/** What a ticket dialog hands back: whether a ticket now exists. */
export interface TicketOutcome extends DialogOutcome {
    ticketNumber?: number;
    /** What an e-signature request said about other institutions' e-signatures. */
    otherInstitution?: boolean;
}

/** The prompts and steps every ticket dialog shares: who is asking, free text, a card question. */
export abstract class TicketDialogBase<S extends DialogBasics = DialogBasics> extends SubtaskDialog<S> {
    protected constructor(id: string, services: S) {
        super(id, services);
        this.addDialog(new RequesterIdentityDialog(services));
        this.addDialog(new CardChoicePrompt(CARD_CHOICE_PROMPT, services));
        this.addDialog(freeTextPrompt(services));
    }

    protected choices(context: TurnContext, ids: string[], keyOf: (id: string) => string): Choice[] {
        const speaker = speakerFor(this.services, context);
        return ids.map((id) => keyedChoice(speaker, id, keyOf(id)));
    }

    protected askIdentity(step: WaterfallStepContext): Promise<DialogTurnResult> {
        return step.beginDialog(REQUESTER_IDENTITY_DIALOG);
    }

    /** Asks for free text; `introKey`: a sentence said first, in the same message. */
    protected askText(step: WaterfallStepContext, key: string, introKey?: string): Promise<DialogTurnResult> {
        const speaker = speakerFor(this.services, step.context);
        const prompt = introKey ? `${speaker.say(introKey)}\n\n${speaker.say(key)}` : speaker.say(key);
        return step.prompt(TEXT_PROMPT, { prompt, retryPrompt: speaker.say('tickets.ask.retryText') });
    }

    /** A question of this errand on a card: a one-off card, whose buttons answer it only as drawn now. */
    protected askWithCard(step: WaterfallStepContext, content: GuideCardContent, choices: Choice[]): Promise<DialogTurnResult> {
        return askWithCard(step, this.id, speakerFor(this.services, step.context), content, choices);
    }

    /** The user's receipt: the number to quote on the phone, and what happens next. */
    protected async confirmCreated(step: WaterfallStepContext, ticket: Ticket): Promise<DialogTurnResult> {
        const speaker = speakerFor(this.services, step.context);
        // The receipt and what follows it (the menu, the step) are one message.
        await sendWithNextMessage(
            step.context,
            renderGuideCard({
                title: speaker.say('tickets.created.title', { number: ticket.number }),
                paragraphs: speaker.sayList(`tickets.created.body_${ticket.kind}`, { number: ticket.number }),
                actions: choiceActions(stamped(step.context, MENU_CARD, [keyedChoice(speaker, 'myTickets', 'menu.options.myTickets')])),
            }),
        );
        return step.endDialog({ next: 'back', ticketNumber: ticket.number, otherInstitution: ticket.details.otherInstitution } satisfies TicketOutcome);
    }

    protected async dropped(step: WaterfallStepContext): Promise<DialogTurnResult> {
        await step.context.sendActivity(speakerFor(this.services, step.context).say('tickets.notSent'));
        return step.endDialog({ next: 'back' } satisfies TicketOutcome);
    }
}
