import { formatExpiry } from '../cards/renewalCards';
import type { Clock } from '../core/clock';
import { awaitsConfirmation, followEmailLink, hasProvenEmail, reminderOfLink } from '../renewals/reminderEmails';
import type { RenewalReminder } from '../renewals/renewalReminder';
import type { RenewalReminders } from '../renewals/renewalReminders';
import type { TicketStore } from '../tickets/ticketStore';
import type { EmailLinkHandlers, EmailLinkTarget } from '../web/emailLinkPages';

/** The pages behind reminder e-mail links (web/emailLinkPages.ts), answered from the ticket store. */
export function reminderEmailLinks(store: TicketStore, renewals: RenewalReminders, clock: Clock): EmailLinkHandlers {
    const target = (reminder: RenewalReminder): EmailLinkTarget => ({
        language: reminder.language,
        email: reminder.email ?? '',
        expiry: formatExpiry(reminder.expiryMonth, reminder.expiryYear, reminder.language),
    });
    return {
        async look(action, reminderId, key) {
            const reminder = await reminderOfLink(store, reminderId, key);
            if (!reminder || (action === 'confirm' && !hasProvenEmail(reminder) && !awaitsConfirmation(reminder, clock.now()))) return undefined;
            return target(reminder);
        },
        async follow(action, reminderId, key) {
            const outcome = await followEmailLink({ store, reschedule: (reminder) => renewals.reschedule(reminder), now: () => clock.now() }, action, reminderId, key);
            return outcome.done === 'invalid' ? undefined : target(outcome.reminder);
        },
    };
}
