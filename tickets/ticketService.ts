import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { ETagConflictError, TicketContentionError } from '../core/errors';
import { decide, type Refusal, type TicketEvent } from './lifecycle';
import { OPEN_STATUSES, type NewTicket, type Ticket } from './ticket';
import type { TicketStore } from './ticketStore';

export type ActResult = { ticket: Ticket; refused?: undefined } | { ticket: Ticket; refused: Refusal } | { ticket?: undefined; refused: { reason: 'notFound' } };

/** How many times a change is re-decided on a fresh read before giving up. */
const MAX_CONFLICT_RETRIES = 5;

/**
 * Every ticket change goes through here: read, decide, conditional write, and on an eTag
 * conflict read again and decide again — never overwrite what someone else just did.
 */
export class TicketService {
    private readonly listeners: (() => void)[] = [];

    constructor(
        private readonly store: TicketStore,
        private readonly clock: Clock,
        private readonly logger: Logger,
        /** With a mailer configured, each new ticket is also e-mailed (through the outbox, like every notice). */
        private readonly emailNewTickets = false,
    ) {}

    /** Called after every write that queued notices, so they go out now rather than at the next sweep. */
    onNotices(listener: () => void): void {
        this.listeners.push(listener);
    }

    async create(ticket: Omit<NewTicket, 'history' | 'status' | 'reminders' | 'createdAt' | 'updatedAt'>): Promise<Ticket> {
        const now = this.clock.now();
        const created = await this.store.create(
            {
                ...ticket,
                status: 'new',
                reminders: {},
                createdAt: now,
                updatedAt: now,
                history: [{ at: now, actor: { id: ticket.requester.id, name: ticket.requester.name, role: 'user' }, action: 'created' }],
            },
            [{ target: 'staff', historyIndex: 0 }, ...(this.emailNewTickets ? [{ target: 'email' as const, historyIndex: 0 }] : [])],
        );
        this.logger.info('ticket created', { ticket: created.number, kind: created.kind });
        this.announce();
        return created;
    }

    async act(ticketId: string, event: TicketEvent): Promise<ActResult> {
        for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
            const current = await this.store.get(ticketId);
            if (!current) return { refused: { reason: 'notFound' } };
            const decision = decide(current, event, this.clock.now());
            if ('refused' in decision) return { ticket: current, refused: decision.refused };
            try {
                const saved = await this.store.update(decision.ticket, decision.notices);
                this.logger.info('ticket changed', { ticket: saved.number, event: event.type, status: saved.status });
                this.announce();
                return { ticket: saved };
            } catch (error) {
                if (!(error instanceof ETagConflictError)) throw error;
                this.logger.debug('ticket changed meanwhile, deciding again', { ticket: current.number, event: event.type });
            }
        }
        throw new TicketContentionError(`ticket ${ticketId} kept changing; gave up after ${MAX_CONFLICT_RETRIES} retries`);
    }

    get(ticketId: string): Promise<Ticket | undefined> {
        return this.store.get(ticketId);
    }

    listByRequester(userId: string): Promise<Ticket[]> {
        return this.store.listByRequester(userId);
    }

    listOpen(): Promise<Ticket[]> {
        return this.store.list(OPEN_STATUSES);
    }

    private announce(): void {
        for (const listener of this.listeners) listener();
    }
}
