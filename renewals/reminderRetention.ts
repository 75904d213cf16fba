import { confirmationExpired } from './reminderEmails';
import type { RenewalReminderStore } from './renewalReminderStore';

/**
 * Retention for renewal reminders: one whose certificate's expiry month is over has nothing left
 * to say, whatever became of its messages (a reminder whose messages were given up would otherwise
 * keep a user id, an address and a chat reference for years); nor has one whose address was never
 * confirmed in time. Answers how many were deleted.
 */
export async function deleteEndedReminders(store: RenewalReminderStore, now: number): Promise<number> {
    let deleted = 0;
    for (const reminder of await store.listAllRenewalReminders()) {
        if (Date.UTC(reminder.expiryYear, reminder.expiryMonth, 1) > now && !confirmationExpired(reminder, now)) continue;
        await store.deleteRenewalReminder(reminder.id);
        deleted++;
    }
    return deleted;
}
