import { ETagConflictError } from '../core/errors';
import type { RenewalReminder } from '../renewals/renewalReminder';
import type { Ticket } from './ticket';
import type { TicketStore } from './ticketStore';

/**
 * A user's id as the bot keeps it: the channel, a colon, the channel's own id for them
 * (`msteams:<AAD object id>`, `directline:dl_…`). Ids of two channels can then never be equal: a
 * web chat user whose id happens to be (or is chosen to be) a Teams user's AAD object id is still
 * someone else. Ids written before carried no channel; `namespacedTicket` and `namespacedReminder`
 * give them theirs.
 */
export function requesterIdFor(channelId: string, id: string): string {
    return `${channelId}:${id}`;
}

/** A stored id given its channel, once: run again (by a second instance starting), it changes nothing. */
const withChannel = (channelId: string, id: string) => (id.startsWith(`${channelId}:`) ? id : requesterIdFor(channelId, id));

/**
 * The channel a reminder without a Teams chat was set on: only web chat offers one (by e-mail),
 * and the bot's web chat is Direct Line, its own or Azure's.
 */
const CHANNEL_OF_EMAIL_ONLY_REMINDER = 'directline';

/** The ticket with its requester id (and their own history entries) given the channel of the chat it was filed in; undefined when it has one already. */
function namespacedTicket(ticket: Ticket): Ticket | undefined {
    const channel = ticket.requester.reference?.channelId;
    if (!channel) return undefined;
    const before = ticket.requester.id;
    const after = withChannel(channel, before);
    if (after === before) return undefined;
    return {
        ...ticket,
        requester: { ...ticket.requester, id: after },
        history: ticket.history.map((entry) => (entry.actor.role === 'user' && entry.actor.id === before ? { ...entry, actor: { ...entry.actor, id: after } } : entry)),
    };
}

/** The reminder with its user id given the channel it was set on; undefined when it has one already. */
function namespacedReminder(reminder: RenewalReminder): RenewalReminder | undefined {
    const after = withChannel(reminder.reference?.channelId ?? CHANNEL_OF_EMAIL_ONLY_REMINDER, reminder.userId);
    return after === reminder.userId ? undefined : { ...reminder, userId: after };
}

/**
 * Gives every stored ticket and reminder written before ids carried their channel its channel.
 * Safe to run on every instance at once and again later: a record that has its channel is left
 * alone, and a ticket changed meanwhile is read again (its write is conditional on its eTag).
 */
export async function namespaceStoredRequesterIds(store: TicketStore): Promise<{ tickets: number; reminders: number }> {
    let tickets = 0;
    for (const listed of await store.list()) {
        let current: Ticket | undefined = listed;
        while (current) {
            const changed = namespacedTicket(current);
            if (!changed) break;
            try {
                await store.update(changed, []);
                tickets++;
                break;
            } catch (error) {
                if (!(error instanceof ETagConflictError)) throw error;
                current = await store.get(listed.id);
            }
        }
    }
    let reminders = 0;
    for (const reminder of await store.listAllRenewalReminders()) {
        const changed = namespacedReminder(reminder);
        if (!changed) continue;
        await store.updateRenewalReminder(changed);
        reminders++;
    }
    return { tickets, reminders };
}
