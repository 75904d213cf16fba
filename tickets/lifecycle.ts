import type { HistoryEntry, NoticeDraft, Person, ReminderKind, Ticket, TicketStatus } from './ticket';
import { OPEN_STATUSES } from './ticket';

/** Something that happens to a ticket; `lifecycle` decides whether it may, and what follows. */
export type TicketEvent =
    | { type: 'claim'; actor: Person }
    | { type: 'assign'; actor: Person; assignee: Person }
    | { type: 'reply'; actor: Person; text: string }
    | { type: 'ask'; actor: Person; text: string }
    | { type: 'resolve'; actor: Person; text?: string }
    | { type: 'reopen'; actor: Person }
    | { type: 'userMessage'; actor: Person; text: string }
    | { type: 'withdraw'; actor: Person }
    | { type: 'remind'; kind: ReminderKind };

export type Refusal =
    | { reason: 'alreadyClaimed'; by: Person }
    | { reason: 'alreadyYours' }
    | { reason: 'notOpen'; status: TicketStatus }
    | { reason: 'notClosed'; status: TicketStatus }
    | { reason: 'emptyText' }
    | { reason: 'alreadyReminded' };

export type Decision = { ticket: Ticket; notices: NoticeDraft[] } | { refused: Refusal };

const SYSTEM_ACTOR: Person = { id: 'system', name: 'system' };

const isOpen = (ticket: Ticket) => OPEN_STATUSES.includes(ticket.status);

function record(ticket: Ticket, now: number, entry: Omit<HistoryEntry, 'at'>, status: TicketStatus, notify: NoticeDraft['target'][], assignee = ticket.assignee): Decision {
    const history = [...ticket.history, { at: now, ...entry }];
    const historyIndex = history.length - 1;
    return {
        ticket: { ...ticket, status, assignee, history, updatedAt: now },
        notices: notify.map((target) => ({ target, historyIndex })),
    };
}

const staff = (person: Person) => ({ ...person, role: 'staff' as const });
const user = (person: Person) => ({ ...person, role: 'user' as const });

/**
 * The ticket's rules in one pure function: every transition, who hears about it, and why a
 * change is refused. Stores call it again after an eTag conflict, on the fresh ticket.
 */
export function decide(ticket: Ticket, event: TicketEvent, now: number): Decision {
    switch (event.type) {
        case 'claim':
            if (!isOpen(ticket)) return { refused: { reason: 'notOpen', status: ticket.status } };
            if (ticket.assignee?.id === event.actor.id) return { refused: { reason: 'alreadyYours' } };
            if (ticket.assignee) return { refused: { reason: 'alreadyClaimed', by: ticket.assignee } };
            return record(ticket, now, { actor: staff(event.actor), action: 'claimed' }, 'claimed', ['user', 'staff'], event.actor);
        case 'assign':
            if (!isOpen(ticket)) return { refused: { reason: 'notOpen', status: ticket.status } };
            return record(ticket, now, { actor: staff(event.actor), action: 'assigned', assignee: event.assignee }, ticket.status === 'new' ? 'claimed' : ticket.status, ['user', 'staff'], event.assignee);
        case 'reply':
        case 'ask': {
            if (!isOpen(ticket)) return { refused: { reason: 'notOpen', status: ticket.status } };
            const text = event.text.trim();
            if (!text) return { refused: { reason: 'emptyText' } };
            const status = event.type === 'ask' ? 'waitingForUser' : 'claimed';
            return record(ticket, now, { actor: staff(event.actor), action: event.type === 'ask' ? 'asked' : 'replied', text }, status, ['user', 'staff'], ticket.assignee ?? event.actor);
        }
        case 'resolve':
            if (!isOpen(ticket)) return { refused: { reason: 'notOpen', status: ticket.status } };
            return record(ticket, now, { actor: staff(event.actor), action: 'resolved', text: event.text?.trim() || undefined }, 'resolved', ['user', 'staff']);
        case 'reopen':
            if (ticket.status !== 'resolved') return { refused: { reason: 'notClosed', status: ticket.status } };
            return record(ticket, now, { actor: staff(event.actor), action: 'reopened' }, ticket.assignee ? 'claimed' : 'new', ['user', 'staff']);
        case 'userMessage': {
            if (!isOpen(ticket)) return { refused: { reason: 'notOpen', status: ticket.status } };
            const text = event.text.trim();
            if (!text) return { refused: { reason: 'emptyText' } };
            // An answer puts the ticket back in the library's hands.
            const status = ticket.status === 'waitingForUser' ? 'claimed' : ticket.status;
            return record(ticket, now, { actor: user(event.actor), action: 'userMessage', text }, status, ['staff']);
        }
        case 'withdraw':
            if (!isOpen(ticket)) return { refused: { reason: 'notOpen', status: ticket.status } };
            return record(ticket, now, { actor: user(event.actor), action: 'withdrawn' }, 'withdrawn', ['staff']);
        case 'remind': {
            if (!isOpen(ticket)) return { refused: { reason: 'notOpen', status: ticket.status } };
            if (ticket.reminders[event.kind] !== undefined && ticket.reminders[event.kind]! >= lastChangeByPeople(ticket)) {
                return { refused: { reason: 'alreadyReminded' } };
            }
            const decision = record(ticket, now, { actor: { ...SYSTEM_ACTOR, role: 'system' }, action: 'reminded' }, ticket.status, ['staff']);
            if ('refused' in decision) return decision;
            return { ...decision, ticket: { ...decision.ticket, reminders: { ...ticket.reminders, [event.kind]: now } } };
        }
    }
}

/** When a person last changed the ticket; reminders count from there. */
export function lastChangeByPeople(ticket: Ticket): number {
    const byPeople = ticket.history.filter((entry) => entry.actor.role !== 'system');
    return byPeople.length > 0 ? byPeople[byPeople.length - 1].at : ticket.createdAt;
}
