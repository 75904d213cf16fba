// Dialog ids shared across files; kept apart so dialogs can start each other without import cycles.
export const HELP_TICKET_DIALOG = 'helpTicket';
export const TICKET_REQUEST_DIALOG = 'ticketRequest';
export const FORM_DELIVERY_DIALOG = 'formDelivery';
export const MY_TICKETS_DIALOG = 'myTickets';
export const CARD_CHOICE_PROMPT = 'cardChoice';
export const TEXT_PROMPT = 'freeText';
export const EMAIL_PROMPT = 'email';
export const REQUESTER_IDENTITY_DIALOG = 'requesterIdentity';
