import { createSmtpTransport } from './smtpTransport';
import type { BotConfig } from '../core/config';
import type { Translator } from '../core/i18n';
import type { Language } from '../core/language';
import type { Logger } from '../core/logger';
import type { Ticket } from '../tickets/ticket';
import { createTicketEmailRenderer } from './ticketEmail';

export type TicketMailerConfig = Pick<BotConfig, 'SMTP_URL' | 'TICKET_EMAIL_TO' | 'TICKET_EMAIL_FROM' | 'WORKING_TIME_ZONE'>;

export interface TicketMailer {
    /** Rejects when the mail server refuses, so the caller can keep the copy for a retry. */
    send(ticket: Ticket): Promise<void>;
    close(): void;
}

// The library's staff read Turkish, whatever language the requester used.
const MAIL_LANGUAGE: Language = 'tr';

/** The e-mail copy of new tickets; undefined when SMTP_URL (or a recipient) is not configured. */
export function createTicketMailer(config: TicketMailerConfig, translator: Translator, logger: Logger): TicketMailer | undefined {
    if (!config.SMTP_URL) return undefined;
    if (!config.TICKET_EMAIL_TO) {
        logger.warn('SMTP_URL is set but TICKET_EMAIL_TO is not: tickets are not e-mailed');
        return undefined;
    }
    const to = config.TICKET_EMAIL_TO;
    // A mailbox may send as itself: without TICKET_EMAIL_FROM the copy comes from the library's own address.
    const from = config.TICKET_EMAIL_FROM ?? to;
    const transport = createSmtpTransport(config.SMTP_URL);
    const render = createTicketEmailRenderer(translator, MAIL_LANGUAGE, config.WORKING_TIME_ZONE);
    return {
        async send(ticket) {
            const { subject, text } = render(ticket);
            try {
                const info = await transport.sendMail({ from, to, subject, text });
                logger.info('ticket e-mailed', { ticketId: ticket.id, number: ticket.number, messageId: info.messageId });
            } catch (error) {
                logger.warn('could not e-mail a ticket', { ticketId: ticket.id, number: ticket.number, error: (error as Error).message });
                throw error;
            }
        },
        close: () => transport.close(),
    };
}
