import type { Activity } from 'botbuilder';
import type { PrivacyInspector } from '../core/privacyGuard';

/** Deeper than any card's submit data: what lies below is not kept at all. */
const MAX_DEPTH = 8;
/**
 * Web Chat tags what it sends with an id of its own and finds its message again in the echo by it
 * (without it every message shows twice until a reload). Kept only in the shape Web Chat writes
 * them (no text, nothing of what the user typed); the rest of channelData is not kept.
 */
const CLIENT_TAGS: Record<string, RegExp> = {
    clientActivityID: /^[\w.-]{1,64}$/,
    clientTimestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/,
};

function clientTags(channelData: unknown): Record<string, string> | undefined {
    if (!channelData || typeof channelData !== 'object') return undefined;
    const tags = Object.entries(CLIENT_TAGS).flatMap(([name, shape]) => {
        const value = (channelData as Record<string, unknown>)[name];
        return typeof value === 'string' && shape.test(value) ? [[name, value] as const] : [];
    });
    return tags.length > 0 ? Object.fromEntries(tags) : undefined;
}

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
 * its locale, and Web Chat's own tags. Everything else the client wrote (a display name,
 * attachments, the rest of channelData, a summary) is dropped: nobody reads it, and a secret could
 * hide there. The bot itself gets the text and value as sent, so it can warn the user about what
 * they shared.
 */
export function clientActivityToKeep(inspect: PrivacyInspector, activity: Partial<Activity>): Partial<Activity> {
    const kept: Partial<Activity> = { type: activity.type };
    if (typeof activity.text === 'string') kept.text = inspect(activity.text).redacted;
    if (activity.value !== undefined) kept.value = maskedValue(inspect, activity.value);
    if (typeof activity.locale === 'string') kept.locale = activity.locale;
    const tags = clientTags(activity.channelData);
    if (tags) kept.channelData = tags;
    return kept;
}
