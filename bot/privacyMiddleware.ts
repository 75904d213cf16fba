import type { Middleware, TurnContext } from 'botbuilder';
import type { Translator } from '../core/i18n';
import { notePrivacyFinding } from '../core/turnFacts';
import { localePrivacyInspector, type PrivacyInspector, type SensitiveKind } from '../core/privacyGuard';

/**
 * The ids the bot puts in its own buttons (tickets, renewal reminders) are random UUIDs, and about
 * one in a hundred holds a run of digits that reads like a national ID or a code ("…-a888-f10000000146").
 * Masked, the click would name no ticket or reminder and warn the user about a secret they never
 * typed; so only the text around a UUID is inspected. (Fixed length: no backtracking.)
 */
const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

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
            // split() with a capturing group: the UUIDs at the odd places, kept as they are.
            const mask = (text: string) => (UUID.test(text) ? text.split(UUID).map((part, index) => (index % 2 === 1 || !part ? part : inspect(part))).join('') : inspect(text));
            if (typeof activity.text === 'string') activity.text = mask(activity.text);
            // Card inputs (an answer to the library) arrive as strings in `value`.
            if (activity.value && typeof activity.value === 'object' && !Array.isArray(activity.value)) {
                activity.value = Object.fromEntries(Object.entries(activity.value as Record<string, unknown>)
                    .map(([key, field]) => [key, typeof field === 'string' ? mask(field) : field]));
            }
            if (kinds.size > 0) notePrivacyFinding(context, { kinds: [...kinds], redacted: activity.text ?? '' });
        }
        await next();
    }
}
