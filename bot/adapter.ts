import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotConfig } from '../core/config';

/** The Bot Framework adapter with the bot's credentials; middleware is added by `assembleBot`. */
export function createAdapter(config: BotConfig): CloudAdapter {
    // Without credentials botbuilder skips authentication: fine on a laptop, never in production.
    const authentication = new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType ?? (config.MicrosoftAppId ? 'MultiTenant' : ''),
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    });
    return new CloudAdapter(authentication);
}
