import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotConfig } from './config';
import { PrivacyMiddleware } from './privacyMiddleware';
import { createTurnErrorHandler, type TurnErrorDependencies } from './turnErrorHandler';
import { TypingIndicator } from './typingIndicator';

export function createAdapter(config: BotConfig, errorDependencies: TurnErrorDependencies): CloudAdapter {
    // Without credentials botbuilder skips authentication: fine on a laptop, never in production.
    const authentication = new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType ?? (config.MicrosoftAppId ? 'MultiTenant' : ''),
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    });
    const adapter = new CloudAdapter(authentication);
    adapter.use(new PrivacyMiddleware(errorDependencies.translator));
    // A turn that waits on a store or on Teams shows "typing…" after half a second, every two seconds.
    adapter.use(new TypingIndicator(errorDependencies.logger));
    adapter.onTurnError = createTurnErrorHandler(errorDependencies);
    return adapter;
}
