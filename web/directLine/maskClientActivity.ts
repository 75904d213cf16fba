import type { Activity } from 'botbuilder';
import type { PrivacyInspector } from '../../core/privacyGuard';

/**
 * What the Direct Line keeps of a client activity: its text and the string fields of a card
 * submit masked, as the bot's privacy middleware masks them for everything after it. The bot
 * itself still gets the activity as sent, so it can warn the user about what they shared.
 */
export function maskClientActivity(inspect: PrivacyInspector, activity: Partial<Activity>): Partial<Activity> {
    const masked: Partial<Activity> = { ...activity };
    if (typeof activity.text === 'string') masked.text = inspect(activity.text).redacted;
    const value: unknown = activity.value;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        masked.value = Object.fromEntries(Object.entries(value as Record<string, unknown>)
            .map(([key, field]) => [key, typeof field === 'string' ? inspect(field).redacted : field]));
    }
    return masked;
}
