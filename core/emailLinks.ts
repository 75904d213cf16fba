/**
 * The links renewal reminder e-mails carry: confirm the address (before any reminder goes to it)
 * and stop the e-mails. Each holds the reminder's id and its random key; the bot's HTTP server
 * answers them at the base URL people's browsers reach it under (PUBLIC_BASE_URL).
 */
export const EMAIL_LINK_ACTIONS = ['confirm', 'stop'] as const;
export type EmailLinkAction = (typeof EMAIL_LINK_ACTIONS)[number];

export const EMAIL_LINK_ROUTE = '/reminders/email/:action/:reminderId/:key';

export function emailLink(baseUrl: string, action: EmailLinkAction, reminderId: string, key: string): string {
    return `${baseUrl.replace(/\/+$/, '')}/reminders/email/${action}/${encodeURIComponent(reminderId)}/${encodeURIComponent(key)}`;
}
