import type * as Nodemailer from 'nodemailer';

/**
 * The SMTP connection of the ticket and reminder e-mails. nodemailer is loaded here, when e-mail is
 * configured, not with the bot: a bot without SMTP_URL never needs it, and it is a noticeable share
 * of start-up's module loading.
 */
export function createSmtpTransport(smtpUrl: string): Nodemailer.Transporter {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodemailer = require('nodemailer') as typeof Nodemailer;
    return nodemailer.createTransport(smtpUrl);
}
