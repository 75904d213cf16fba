import type { ConversationState, TurnContext, UserState } from 'botbuilder';
import type { Translator } from './i18n';
import { isLanguage, languageFromLocale } from './language';
import type { Logger } from './logger';

export interface TurnErrorDependencies {
    logger: Logger;
    translator: Translator;
    conversationState: ConversationState;
    userState: UserState;
}

/** Apologises in the user's language and clears the dialog stack, so the next message works. */
export function createTurnErrorHandler({ logger, translator, conversationState, userState }: TurnErrorDependencies) {
    return async (context: TurnContext, error: Error): Promise<void> => {
        logger.error('turn failed', {
            error: error.message,
            stack: error.stack,
            activityType: context.activity.type,
            channelId: context.activity.channelId,
            conversationId: context.activity.conversation?.id,
        });
        try {
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
