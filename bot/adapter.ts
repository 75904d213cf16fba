import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type AuthenticateRequestResult } from 'botframework-connector';
import type { BotConfig } from '../core/config';
import { ServiceUrlRefusedError } from '../core/errors';
import { isLoopbackUrl } from '../core/loopback';

/** The bot's own connector routes (the local Direct Line): the bot proves itself with a per-process key. */
export interface OwnConnector {
    key: string;
    /** True for URLs of this process's own connector routes. */
    owns(url: string): boolean;
}

type Credentials = Awaited<ReturnType<ConfigurationServiceClientCredentialFactory['createCredentials']>>;
type Credentialed = Parameters<Credentials['signRequest']>[0];
type CredentialOptions = ConstructorParameters<typeof ConfigurationServiceClientCredentialFactory>[0];

/**
 * Every outgoing Bot Connector call is signed here, so this is where the bot decides whom it
 * talks to: its own connector routes get the per-process key (never an AAD token), and in local
 * mode nothing but loopback service URLs is called at all.
 */
class GuardedCredentialFactory extends ConfigurationServiceClientCredentialFactory {
    constructor(
        options: CredentialOptions,
        private readonly localMode: boolean,
        private readonly ownConnector?: OwnConnector,
    ) {
        super(options);
    }

    override async createCredentials(appId: string, audience: string, loginEndpoint: string, validateAuthority: boolean): Promise<Credentials> {
        const inner = await super.createCredentials(appId, audience, loginEndpoint, validateAuthority);
        const guarded = Object.create(inner) as Credentials;
        guarded.signRequest = async (request: Credentialed): Promise<Credentialed> => {
            if (this.ownConnector?.owns(request.url)) {
                request.headers.set('authorization', `Bearer ${this.ownConnector.key}`);
                return request;
            }
            if (this.localMode && !isLoopbackUrl(request.url)) throw new ServiceUrlRefusedError();
            return inner.signRequest(request);
        };
        return guarded;
    }
}

export interface CloudAdapterSetup {
    /** botbuilder's CloudAdapter; middleware is added by `assembleBot`. */
    adapter: CloudAdapter;
    /**
     * What `adapter.processActivityDirect` takes for a turn the local Direct Line hands over
     * in-process: its token already authorised the client, so there is no JWT to check; the turn
     * runs as the bot itself (as a proactive turn does) and replies go to the own connector routes.
     */
    ownConnectorTurns: AuthenticateRequestResult;
}

/** botbuilder's CloudAdapter with the bot's credentials and the guard on every outgoing call. */
export function createAdapter(config: BotConfig, ownConnector?: OwnConnector): CloudAdapterSetup {
    const credentials = {
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType ?? (config.MicrosoftAppId ? 'MultiTenant' : ''),
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    };
    // Without credentials botbuilder skips authentication: local mode, loopback only (see core/config.ts).
    const authentication = new ConfigurationBotFrameworkAuthentication(credentials, new GuardedCredentialFactory(credentials, config.localMode, ownConnector));
    const appId = config.MicrosoftAppId ?? '';
    // The claims botbuilder's own proactive turns carry (CloudAdapterBase.createClaimsIdentity).
    const claimsIdentity = new ClaimsIdentity([
        { type: AuthenticationConstants.AudienceClaim, value: appId },
        { type: AuthenticationConstants.AppIdClaim, value: appId },
    ]);
    return {
        adapter: new CloudAdapter(authentication),
        ownConnectorTurns: {
            audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
            claimsIdentity,
            connectorFactory: authentication.createConnectorFactory(claimsIdentity),
        },
    };
}
