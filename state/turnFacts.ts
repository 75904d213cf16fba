import type { TurnContext } from 'botbuilder';
import { DEFAULT_LANGUAGE, type Language } from '../core/language';
import type { PrivacyFinding } from '../core/privacyGuard';
import type { Visit } from '../insights/insightRecorder';

/** What the edge decided about the current turn, read by everything below it during that turn. */

const TURN_LANGUAGE = Symbol('eimza.turnLanguage');
const PRIVACY_FINDING = Symbol('eimza.privacyFinding');

/** The language of this turn, decided once by the bot and changed by a language switch. */
export function turnLanguage(context: TurnContext): Language {
    return context.turnState.get<Language | undefined>(TURN_LANGUAGE) ?? DEFAULT_LANGUAGE;
}

export function setTurnLanguage(context: TurnContext, language: Language): void {
    context.turnState.set(TURN_LANGUAGE, language);
}

/** The secrets the privacy middleware masked in this turn's message, if any. */
export function privacyFinding(context: TurnContext): PrivacyFinding | undefined {
    return context.turnState.get<PrivacyFinding | undefined>(PRIVACY_FINDING);
}

export function notePrivacyFinding(context: TurnContext, finding: PrivacyFinding): void {
    context.turnState.set(PRIVACY_FINDING, finding);
}

/** The user and channel of this turn, as the usage events take them. */
export function visitOf(context: TurnContext): Visit {
    return { userId: context.activity.from?.id ?? '', channel: context.activity.channelId, language: turnLanguage(context) };
}
