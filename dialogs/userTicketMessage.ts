import type { TurnContext } from 'botbuilder';
import type { TicketMessage } from '../cards/payloads';
import { requesterId } from './requesterIdentity';
import { speakerFor, type DialogServices, type Speaking } from './dialogServices';

/**
 * The user's answer typed into a library notice card. Only the ticket's owner may add to it;
 * the text was masked by the privacy middleware like any other message.
 */
export async function handleUserTicketMessage(context: TurnContext, services: Speaking & Pick<DialogServices, 'tickets' | 'logger'>, value: TicketMessage): Promise<void> {
    const speaker = speakerFor(services, context);
    const ticket = await services.tickets.get(value.ticketId);
    const text = value.message?.trim() ?? '';
    if (!ticket || ticket.requester.id !== requesterId(context)) {
        services.logger.warn('ticket message refused: not the owner', { userId: context.activity.from.id });
        await context.sendActivity(speaker.say('tickets.mine.notPossible', { number: '' }));
        return;
    }
    if (!text) {
        await context.sendActivity(speaker.say('tickets.user.answerEmpty'));
        return;
    }
    const result = await services.tickets.act(ticket.id, { type: 'userMessage', actor: { id: ticket.requester.id, name: ticket.requester.name }, text });
    await context.sendActivity(speaker.say(result.refused ? 'tickets.mine.notPossible' : 'tickets.mine.messageDone', { number: ticket.number }));
}
