import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type Activity, type TurnContext } from 'botbuilder';
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

// botbuilder's AuthenticationConstants.ToChannelFromBotOAuthScope: the audience of outgoing calls.
const TO_CHANNEL_AUDIENCE = 'https://api.botframework.com';

/**
 * Every outgoing Bot Connector call is signed here, so this is where the bot decides whom it
 * talks to: its own connector routes get the per-process key (never an AAD token), and in local
 * mode nothing but loopback service URLs is called at all.
 */
class GuardedCredentialFactory extends ConfigurationServiceClientCredentialFactory {
    constructor(options: CredentialOptions, private readonly localMode: boolean, private readonly ownConnector?: OwnConnector) {
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

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

// Distinct (app, service URL, audience) triples kept; a handful in practice (a channel's regional URLs).
const MAX_CONNECTOR_CLIENTS = 64;

/**
 * botbuilder builds new credentials, a new connector client and a new user-token client (each an
 * HTTP pipeline) for every turn, although they depend only on the app, the service URL and the
 * audience: they are built once here and reused. A client holds no per-turn state; signing still
 * happens per request.
 */
class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
    private readonly clients = new Map<string, Promise<ConnectorClient>>();
    private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

    override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
        const result = await super.authenticateRequest(activity, authHeader);
        if (result.connectorFactory) result.connectorFactory = this.reusing(result.connectorFactory, result.claimsIdentity);
        return result;
    }

    override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
        return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
    }

    override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
        return reused(this.userTokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
    }

    private reusing(inner: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
        const appId = appIdOf(claimsIdentity);
        return {
            create: (serviceUrl: string, audience?: string): Promise<ConnectorClient> =>
                reused(this.clients, JSON.stringify([appId, serviceUrl, audience ?? null]), () => inner.create(serviceUrl, audience)),
        };
    }
}

/** The app id botbuilder signs as (its getAppId): the audience claim, else the appid claim. */
const appIdOf = (claimsIdentity: ClaimsIdentity): string => claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';

/** The client kept under `key`, made on first use; a failure is not kept (the next turn tries again, as before). */
function reused<T>(clients: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    let client = clients.get(key);
    if (!client) {
        if (clients.size >= MAX_CONNECTOR_CLIENTS) clients.clear();
        const made = make();
        clients.set(key, made);
        made.catch(() => clients.get(key) === made && clients.delete(key));
        client = made;
    }
    return client;
}

/** CloudAdapter, plus turns the bot's own Direct Line hands over in-process (no JWT to check there). */
export class BotAdapter extends CloudAdapter {
    constructor(authentication: ConfigurationBotFrameworkAuthentication, private readonly appId: string) {
        super(authentication);
    }

    /** A client activity of the local Direct Line: already authorised by its token, replies go to the own connector routes. */
    async processOwnActivity(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void> {
        const claimsIdentity = this.createClaimsIdentity(this.appId);
        const connectorFactory = this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity);
        await this.processActivity({ audience: TO_CHANNEL_AUDIENCE, claimsIdentity, connectorFactory }, activity, logic);
    }
}

/** The Bot Framework adapter with the bot's credentials; middleware is added by `assembleBot`. */
export function createAdapter(config: BotConfig, ownConnector?: OwnConnector): BotAdapter {
    const credentials = {
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType ?? (config.MicrosoftAppId ? 'MultiTenant' : ''),
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    };
    // Without credentials botbuilder skips authentication: local mode, loopback only (see core/config.ts).
    const authentication = new ReusingAuthentication(credentials, new GuardedCredentialFactory(credentials, config.localMode, ownConnector));
    return new BotAdapter(authentication, config.MicrosoftAppId ?? '');
}
