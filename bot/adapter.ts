import {
    CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationState, type TurnContext,
    type UserState,
} from 'botbuilder';
import type { BotConfig } from './config';
import type { Translator } from './i18n';
import { languageFromLocale, isLanguage } from './language';
import type { Logger } from './logger';
import { PrivacyMiddleware } from './privacyMiddleware';

export interface AdapterDependencies {
    config: BotConfig;
    logger: Logger;
    translator: Translator;
    conversationState: ConversationState;
    userState: UserState;
}

export function createAdapter({ config, logger, translator, conversationState, userState }: AdapterDependencies): CloudAdapter {
    // Without credentials botbuilder skips authentication: fine on a laptop, never in production.
    const authentication = new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType ?? (config.MicrosoftAppId ? 'MultiTenant' : ''),
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    });
    const adapter = new CloudAdapter(authentication);
    adapter.use(new PrivacyMiddleware());
    adapter.onTurnError = async (context: TurnContext, error: Error) => {
        logger.error('turn failed', {
            error: error.message,
            stack: error.stack,
            activityType: context.activity.type,
            channelId: context.activity.channelId,
            conversationId: context.activity.conversation?.id,
        });
        try {
            // The dialog stack may be what broke: drop it so the next message starts clean.
            // Flow progress lives in user state and survives, so the user is offered to resume.
            await conversationState.delete(context);
            const remembered = (await userState.load(context))?.language as unknown;
            const language = isLanguage(remembered) ? remembered : languageFromLocale(context.activity.locale);
            await context.sendActivity(translator.t(language, 'errors.turnFailed'));
        } catch (secondary) {
            logger.error('could not recover from a failed turn', { error: (secondary as Error).message });
        }
    };
    return adapter;
}
