import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { inspectText, type PrivacyFinding } from './privacyGuard';

const PRIVACY_FINDING = Symbol('eimza.privacyFinding');

/**
 * Runs before anything else sees the turn: a secret the user typed is masked in the activity
 * itself, so no dialog, state, transcript or log can keep it.
 */
export class PrivacyMiddleware implements Middleware {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
        const { activity } = context;
        if (activity.type === ActivityTypes.Message && typeof activity.text === 'string') {
            const finding = inspectText(activity.text);
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
