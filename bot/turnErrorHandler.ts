import type { ConversationState, TurnContext, UserState } from 'botbuilder';
import { StoreUnavailableError } from '../core/errors';
import type { Translator } from '../core/i18n';
import { isLanguage, languageFromLocale } from '../core/language';
import type { Logger } from '../core/logger';

export interface TurnErrorDependencies {
    logger: Logger;
    translator: Translator;
    conversationState: ConversationState;
    userState: UserState;
}

/** botbuilder-dialogs wraps a step's error in a DialogContextError (`.error`); others use `cause`. */
export function isStoreUnavailable(error: unknown, depth = 0): boolean {
    if (!error || typeof error !== 'object' || depth > 5) return false;
    if (error instanceof StoreUnavailableError || (error as { code?: unknown }).code === 'STORE_UNAVAILABLE') return true;
    const wrapped = error as { error?: unknown; cause?: unknown };
    return isStoreUnavailable(wrapped.error, depth + 1) || isStoreUnavailable(wrapped.cause, depth + 1);
}

/** Apologises in the user's language and clears the dialog stack, so the next message works. */
export function createTurnErrorHandler({ logger, translator, conversationState, userState }: TurnErrorDependencies) {
    return async (context: TurnContext, error: Error): Promise<void> => {
        const storeDown = isStoreUnavailable(error);
        logger.error(storeDown ? 'turn failed: store unavailable' : 'turn failed', {
            error: error.message,
            stack: error.stack,
            activityType: context.activity.type,
            channelId: context.activity.channelId,
            conversationId: context.activity.conversation?.id,
        });
        try {
            if (storeDown) {
                // State cannot be read or cleared now and is not broken: leave it, ask to retry soon.
                // The user's language is known if their state was read before the store went away.
                const cached = (userState.get(context) as { language?: unknown } | undefined)?.language;
                const language = isLanguage(cached) ? cached : languageFromLocale(context.activity.locale);
                await context.sendActivity(translator.t(language, 'errors.storeUnavailable'));
                return;
            }
            // The dialog stack may be what broke. Flow progress lives in user state and survives,
            // so the user is offered to resume instead of starting again.
            await conversationState.delete(context);
            const remembered = ((await userState.load(context)) as { language?: unknown } | undefined)?.language;
            const language = isLanguage(remembered) ? remembered : languageFromLocale(context.activity.locale);
            await context.sendActivity(translator.t(language, 'errors.turnFailed'));
        } catch (secondary) {
            logger.error('could not recover from a failed turn', { error: (secondary as Error).message });
        }
    };
}
