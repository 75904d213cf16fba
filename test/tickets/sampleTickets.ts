import type { HistoryEntry, NewTicket, Ticket, TicketAction, TicketStatus } from '../../tickets/ticket';

export const TICKET_TIME = Date.UTC(2026, 10, 27, 9, 0, 0);

export const staffMember = { id: 'staff-1', name: 'Kütüphane Görevlisi Elif' };

/** A help ticket as a web chat user opens it; override what a test cares about. */
export function sampleTicket(overrides: Partial<NewTicket> = {}): NewTicket {
    const at = overrides.createdAt ?? TICKET_TIME;
    const requester = overrides.requester ?? {
        id: 'webchat-user-1',
        name: 'Ayşe Işık',
        email: 'ayse.isik@bezmialem.edu.tr',
        language: 'tr' as const,
        reference: {
            channelId: 'webchat',
            serviceUrl: 'http://127.0.0.1:9/',
            conversation: { id: 'webchat-conversation-1', isGroup: false, conversationType: 'personal', name: '' },
        },
    };
    return {
        kind: 'help',
        status: 'new',
        requester,
        details: {
            question: 'Kartım okunmuyor, ne yapmalıyım?',
            stepId: 'smsVerification',
            transcript: [
                { from: 'bot', text: 'SMS doğrulama adımındasınız.' },
                { from: 'user', text: 'Kod gelmedi' },
            ],
        },
        history: [{ at, actor: { id: requester.id, name: requester.name, role: 'user' }, action: 'created' }],
        reminders: {},
        createdAt: at,
        updatedAt: at,
        ...overrides,
    };
}

/** The ticket after one more change: one history entry, as the lifecycle would append it. */
export function changed(ticket: Ticket, action: TicketAction, at: number, status: TicketStatus = ticket.status, text?: string): Ticket {
    const entry: HistoryEntry = { at, actor: { ...staffMember, role: 'staff' }, action, ...(text === undefined ? {} : { text }) };
    return { ...ticket, status, history: [...ticket.history, entry], updatedAt: at };
}

export const minutes = (count: number) => count * 60_000;
