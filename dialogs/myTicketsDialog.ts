import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { formatTime, ticketHeading } from '../cards/ticketCards';
import { OPEN_STATUSES, type Ticket } from '../tickets/ticket';
import type { Choice } from '../cards/payloads';
import { keyedChoice } from './choiceMatching';
import { MY_TICKETS_DIALOG } from './dialogIds';
import { speakerFor, type TicketServices } from './dialogServices';
import { requesterId } from './requesterIdentity';
import { TicketDialogBase } from './ticketDialogBase';

const MY_TICKETS_WATERFALL = 'myTickets.list';
const SHOWN = 10;

interface Pick {
    action: 'message' | 'withdraw';
    ticketId: string;
    requesterName: string;
}

/** "Taleplerim": the user's own tickets with their status; add a message to one, or withdraw it. */
export class MyTicketsDialog extends TicketDialogBase<TicketServices> {
    constructor(services: TicketServices) {
        super(MY_TICKETS_DIALOG, services);
        this.addDialog(new WaterfallDialog(MY_TICKETS_WATERFALL, [this.list.bind(this), this.follow.bind(this), this.apply.bind(this)]));
        this.initialDialogId = MY_TICKETS_WATERFALL;
    }

    private async list(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const speaker = speakerFor(this.services, step.context);
        const tickets = (await this.services.tickets.listByRequester(requesterId(step.context))).slice(0, SHOWN);
        const language = speaker.say('tickets.dateLanguage');
        const open = tickets.filter((ticket) => OPEN_STATUSES.includes(ticket.status));
        const choices: Choice[] = [
            ...open.flatMap((ticket) =>
                (['message', 'withdraw'] as const).map((action) => ({
                    id: `${action}:${ticket.id}`,
                    title: speaker.say(`tickets.mine.${action}`, { number: ticket.number }),
                    matchKeys: [],
                })),
            ),
            keyedChoice(speaker, 'done', 'status.done'),
        ];
        return this.askWithCard(
            step,
            {
                title: speaker.say('tickets.mine.title'),
                paragraphs: speaker.sayList(tickets.length ? 'tickets.mine.intro' : 'tickets.mine.none'),
                facts: tickets.map((ticket) => ({
                    title: ticketHeading(speaker, ticket),
                    value: speaker.say('tickets.mine.line', {
                        status: speaker.say(`tickets.statuses.${ticket.status}`),
                        when: formatTime(ticket.updatedAt, language, this.services.profile.timeZone),
                    }),
                })),
            },
            choices,
        );
    }

    private async follow(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const [action, ticketId] = String(step.result).split(':');
        if (action !== 'message' && action !== 'withdraw') return step.endDialog({ next: 'back' });
        const ticket = await this.ownTicket(step, ticketId);
        if (!ticket) return step.endDialog({ next: 'back' });
        (step.values as { pick?: Pick }).pick = { action, ticketId, requesterName: ticket.requester.name };
        if (action === 'message') return this.askText(step, 'tickets.ask.message');
        const speaker = speakerFor(this.services, step.context);
        return this.askWithCard(
            step,
            { title: speaker.say('tickets.mine.withdrawQuestion', { number: ticket.number }) },
            this.choices(step.context, ['yes', 'no'], (id) => `options.${id}`),
        );
    }

    private async apply(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const { pick } = step.values as { pick: Pick };
        const speaker = speakerFor(this.services, step.context);
        const actor = { id: requesterId(step.context), name: pick.requesterName };
        if (pick.action === 'withdraw' && step.result !== 'yes') return this.dropped(step);
        const result = await this.services.tickets.act(pick.ticketId, pick.action === 'message' ? { type: 'userMessage', actor, text: String(step.result) } : { type: 'withdraw', actor });
        const key = result.refused ? 'tickets.mine.notPossible' : `tickets.mine.${pick.action}Done`;
        await step.context.sendActivity(speaker.say(key, { number: result.ticket?.number ?? '' }));
        return step.endDialog({ next: 'back' });
    }

    /** Leaving the list for another topic drops nothing worth saying. */
    protected async onLeave(): Promise<void> {}

    /** Only the ticket's owner may see or change it from the user side. */
    private async ownTicket(step: WaterfallStepContext, ticketId: string): Promise<Ticket | undefined> {
        const ticket = await this.services.tickets.get(ticketId);
        return ticket && ticket.requester.id === requesterId(step.context) ? ticket : undefined;
    }
}
