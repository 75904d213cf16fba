import nodemailer from 'nodemailer';
import type { BotConfig } from '../core/config';
import type { Translator } from '../core/i18n';
import type { Language } from '../core/language';
import type { Logger } from '../core/logger';
import { RENEWAL_STAGES, type RenewalReminder } from './renewalReminder';

export interface RenewalMailer {
    /** Rejects when the mail server refuses, so the outbox retries. */
    send(reminder: RenewalReminder, stage: number): Promise<void>;
    close(): void;
}

const DATE_LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-GB' };

/**
 * The e-mail copy of a renewal reminder (issue 15), in the user's language, to the address Teams
 * gave for them. Undefined without SMTP_URL, or without a sender (TICKET_EMAIL_FROM, else TICKET_EMAIL_TO).
 */
export function createRenewalMailer(
    config: Pick<BotConfig, 'SMTP_URL' | 'TICKET_EMAIL_TO' | 'TICKET_EMAIL_FROM'>, translator: Translator, logger: Logger, months: number,
): RenewalMailer | undefined {
    const from = config.TICKET_EMAIL_FROM ?? config.TICKET_EMAIL_TO;
    if (!config.SMTP_URL || !from) return undefined;
    const transport = nodemailer.createTransport(config.SMTP_URL);
    return {
        async send(reminder, stage) {
            if (!reminder.email) return;
            const language = reminder.language;
            // The lead time's message is the plain key; production's its `production` variant.
            const context = RENEWAL_STAGES[stage] === 'production' ? 'production' : undefined;
            const expiry = new Intl.DateTimeFormat(DATE_LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(reminder.expiryYear, reminder.expiryMonth - 1, 15));
            const values = { expiry, months, context };
            const subject = translator.t(language, 'renewalReminders.email.subject', values);
            const body = translator.list(language, 'renewalReminders.email.body', values);
            try {
                const info = await transport.sendMail({ from, to: reminder.email, subject, text: body.join('\n\n') });
                logger.info('renewal reminder e-mailed', { reminder: reminder.id, messageId: info.messageId });
            } catch (error) {
                logger.warn('could not e-mail a renewal reminder', { reminder: reminder.id, error: (error as Error).message });
                throw error;
            }
        },
        close: () => transport.close(),
    };
}
