import { createSmtpTransport } from './smtpTransport';
import type { BotConfig } from '../core/config';
import type { Translator } from '../core/i18n';
import type { Language } from '../core/language';
import type { Logger } from '../core/logger';
import { emailLink } from '../core/emailLinks';
import { RENEWAL_STAGES, type RenewalReminder } from '../renewals/renewalReminder';
import { CONFIRMATION_HOURS, hasProvenEmail, type RenewalEmailSender } from '../renewals/reminderEmails';

export interface RenewalMailer extends RenewalEmailSender {
    close(): void;
}

const DATE_LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-GB' };

/**
 * The e-mails of a renewal reminder, in the user's language: the reminder's e-mail copy (to an
 * address Teams gave or its owner confirmed), with a line that stops them, and the e-mail asking to
 * confirm an address typed in web chat. Undefined without SMTP_URL, or without a sender
 * (TICKET_EMAIL_FROM, else TICKET_EMAIL_TO). `baseUrl`: where the links lead (PUBLIC_BASE_URL).
 */
export function createRenewalMailer(
    config: Pick<BotConfig, 'SMTP_URL' | 'TICKET_EMAIL_TO' | 'TICKET_EMAIL_FROM'>,
    translator: Translator,
    logger: Logger,
    months: number,
    baseUrl: () => string,
): RenewalMailer | undefined {
    const from = config.TICKET_EMAIL_FROM ?? config.TICKET_EMAIL_TO;
    if (!config.SMTP_URL || !from) return undefined;
    const transport = createSmtpTransport(config.SMTP_URL);
    const expiryOf = (reminder: RenewalReminder) =>
        new Intl.DateTimeFormat(DATE_LOCALES[reminder.language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(reminder.expiryYear, reminder.expiryMonth - 1, 15));
    const mail = async (reminder: RenewalReminder, what: string, message: { subject: string; text: string; headers?: Record<string, string> }) => {
        try {
            const info = await transport.sendMail({ from, to: reminder.email, ...message });
            logger.info(`renewal ${what} e-mailed`, { reminder: reminder.id, messageId: info.messageId });
        } catch (error) {
            logger.warn(`could not e-mail a renewal ${what}`, { reminder: reminder.id, error: (error as Error).message });
            throw error;
        }
    };
    return {
        async send(reminder, stage) {
            if (!hasProvenEmail(reminder)) {
                if (reminder.email) logger.warn('renewal reminder not e-mailed: the address is not confirmed', { reminder: reminder.id });
                return;
            }
            const language = reminder.language;
            // The lead time's message is the plain key; production's its `production` variant.
            const context = RENEWAL_STAGES[stage] === 'production' ? 'production' : undefined;
            const values = { expiry: expiryOf(reminder), months, context };
            const stop = emailLink(baseUrl(), 'stop', reminder.id, reminder.emailKey!);
            const body = [...translator.list(language, 'renewalReminders.email.body', values), translator.t(language, 'email.unsubscribe.line', { link: stop })];
            // List-Unsubscribe: mail programs show their own "unsubscribe" for it; it opens the same page.
            await mail(reminder, 'reminder', { subject: translator.t(language, 'renewalReminders.email.subject', values), text: body.join('\n\n'), headers: { 'List-Unsubscribe': `<${stop}>` } });
        },
        async sendConfirmation(reminder) {
            if (!reminder.email || !reminder.emailKey || hasProvenEmail(reminder)) return;
            const language = reminder.language;
            const values = { expiry: expiryOf(reminder), email: reminder.email, hours: CONFIRMATION_HOURS, link: emailLink(baseUrl(), 'confirm', reminder.id, reminder.emailKey) };
            // Its stop line also ends the requests others typed for this address, so they cannot hold its owner's limit.
            const stop = emailLink(baseUrl(), 'stop', reminder.id, reminder.emailKey);
            const body = [...translator.list(language, 'renewalReminders.emailConfirm.body', values), translator.t(language, 'email.unsubscribe.line', { link: stop })];
            await mail(reminder, 'confirmation request', {
                subject: translator.t(language, 'renewalReminders.emailConfirm.subject', values),
                text: body.join('\n\n'),
                headers: { 'List-Unsubscribe': `<${stop}>` },
            });
        },
        close: () => transport.close(),
    };
}
