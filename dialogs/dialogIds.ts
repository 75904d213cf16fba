// Dialog ids shared across files; kept apart so dialogs can start each other without import cycles.
export const HELP_TICKET_DIALOG = 'helpTicket';
export const TICKET_REQUEST_DIALOG = 'ticketRequest';
export const FORM_DELIVERY_DIALOG = 'formDelivery';
export const MY_TICKETS_DIALOG = 'myTickets';
export const STATUS_EXPLAINER_DIALOG = 'statusExplainer';
export const CARD_CHOICE_PROMPT = 'cardChoice';
export const TEXT_PROMPT = 'freeText';
export const EMAIL_PROMPT = 'email';
export const REQUESTER_IDENTITY_DIALOG = 'requesterIdentity';
export const RENEWAL_REMINDERS_DIALOG = 'renewalReminders';

/** How a help ticket starts: with the question the user already typed (masked), it is not asked again. */
export interface HelpTicketOptions {
    question?: string;
}
