import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Translator } from './i18n';
import { createPrivacyInspector, type PrivacyFinding, type PrivacyInspector } from './privacyGuard';

const PRIVACY_FINDING = Symbol('eimza.privacyFinding');

/**
 * Runs before anything else sees the turn: a secret the user typed is masked in the activity
 * itself, so no dialog, state, transcript or log can keep it.
 */
export class PrivacyMiddleware implements Middleware {
    private readonly inspect: PrivacyInspector;

    /** The words that announce a secret come from every language's locale. */
    constructor(translator: Translator) {
        this.inspect = createPrivacyInspector({
            password: translator.allLanguages('privacy.keywords.password'),
            code: translator.allLanguages('privacy.keywords.code'),
            saying: translator.allLanguages('privacy.keywords.saying'),
        });
    }

    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
        const { activity } = context;
        if (activity.type === ActivityTypes.Message && typeof activity.text === 'string') {
            const finding = this.inspect(activity.text);
            if (finding.kinds.length > 0) {
                activity.text = finding.redacted;
                context.turnState.set(PRIVACY_FINDING, finding);
            }
        }
        await next();
    }
}

export function privacyFinding(context: TurnContext): PrivacyFinding | undefined {
    return context.turnState.get(PRIVACY_FINDING) as PrivacyFinding | undefined;
}
