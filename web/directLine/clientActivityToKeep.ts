import type { Activity } from 'botbuilder';
import type { PrivacyInspector } from '../../core/privacyGuard';

/** Deeper than any card's submit data: what lies below is not kept at all. */
const MAX_DEPTH = 8;

/** Every string in a card's submit data masked, however deep; nothing but JSON data kept. */
function maskedValue(inspect: PrivacyInspector, value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return inspect(value).redacted;
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
    if (depth >= MAX_DEPTH || typeof value !== 'object') return undefined;
    if (Array.isArray(value)) return value.map((item) => maskedValue(inspect, item, depth + 1));
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, field]) => [key, maskedValue(inspect, field, depth + 1)]));
}

/**
 * What the Direct Line keeps of a client activity, rebuilt from what a user can send: its type,
 * its text and a card's submit data (`value`) masked as the bot's privacy middleware masks them,
 * and its locale. Everything else the client wrote (a display name, attachments, channelData, a
 * summary) is dropped: nobody reads it, and a secret could hide there. The bot itself gets the
 * text and value as sent, so it can warn the user about what they shared.
 */
export function clientActivityToKeep(inspect: PrivacyInspector, activity: Partial<Activity>): Partial<Activity> {
    const kept: Partial<Activity> = { type: activity.type };
    if (typeof activity.text === 'string') kept.text = inspect(activity.text).redacted;
    if (activity.value !== undefined) kept.value = maskedValue(inspect, activity.value);
    if (typeof activity.locale === 'string') kept.locale = activity.locale;
    return kept;
}
