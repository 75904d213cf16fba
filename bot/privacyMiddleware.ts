import type { Middleware, TurnContext } from 'botbuilder';
import type { Translator } from '../core/i18n';
import { notePrivacyFinding } from '../state/turnFacts';
import { localePrivacyInspector, type PrivacyInspector, type SensitiveKind } from '../core/privacyGuard';

/**
 * The ids the bot puts in its own buttons (tickets, renewal reminders, kept questions) are random
 * UUIDs, and about one in a hundred holds a run of digits that reads like a national ID or a code
 * ("…-a888-f10000000146"). Masked, the click would name no ticket, reminder or question and warn
 * the user about a secret they never typed; so such a field is left alone when it is exactly one of
 * those ids, and nothing else is: free text, and an id with anything before or after it
 * ("10000000146-0000-…"), is inspected whole.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const EXACTLY_A_UUID = new RegExp(`^${UUID}$`, 'i');
const OWN_ID_FIELDS: Record<string, RegExp> = {
    ticketId: EXACTLY_A_UUID,
    reminderId: EXACTLY_A_UUID,
    // The question a "did you mean" button was offered for: the click is noted on it for the library.
    asked: EXACTLY_A_UUID,
    // A list's button: its action and the id ("cancel:…", "withdraw:…").
    choice: new RegExp(`^[a-z]{1,20}:${UUID}$`, 'i'),
};
const isOwnId = (field: string, value: string) => Object.hasOwn(OWN_ID_FIELDS, field) && OWN_ID_FIELDS[field].test(value);

/**
 * Runs before anything else sees the turn: a secret the user typed is masked in the activity
 * itself, so no dialog, state, transcript or log can keep it.
 */
export class PrivacyMiddleware implements Middleware {
    private readonly inspect: PrivacyInspector;

    /** The words that announce a secret come from every language's locale. */
    constructor(translator: Translator) {
        this.inspect = localePrivacyInspector(translator);
    }

    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
        const { activity } = context;
        if (activity.type === 'message') {
            const kinds = new Set<SensitiveKind>();
            const inspect = (text: string) => {
                const finding = this.inspect(text);
                finding.kinds.forEach((kind) => kinds.add(kind));
                return finding.redacted;
            };
            if (typeof activity.text === 'string') activity.text = inspect(activity.text);
            // Card inputs (an answer to the library) arrive as strings in `value`.
            if (activity.value && typeof activity.value === 'object' && !Array.isArray(activity.value)) {
                activity.value = Object.fromEntries(
                    Object.entries(activity.value as Record<string, unknown>).map(([key, field]) => [key, typeof field === 'string' && !isOwnId(key, field) ? inspect(field) : field]),
                );
            }
            if (kinds.size > 0) notePrivacyFinding(context, { kinds: [...kinds], redacted: activity.text ?? '' });
        }
        await next();
    }
}
