import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, StatusCodes, type Activity, type TurnContext } from 'botbuilder';
// What CloudAdapter.process itself uses; botbuilder's index exports neither. botframework-connector is botbuilder's own
// dependency (one copy, 4.23.3), so `instanceof` matches what its authentication throws.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import { AuthenticationError } from 'botframework-connector';
import type { BotConfig } from '../core/config';
import { ServiceUrlRefusedError } from '../core/errors';
import type { Logger } from '../core/logger';
import { isLoopbackUrl } from '../core/loopback';
import { proxyConfigured, withDirectReplies, type ConnectorClient } from './directReplies';

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
    private readonly sendsRepliesDirectly = !proxyConfigured();

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

    /** Replies skip the SDK's HTTP pipeline (bot/directReplies.ts) unless a proxy is configured, which only the SDK honours. */
    private direct(client: ConnectorClient): ConnectorClient {
        return this.sendsRepliesDirectly ? withDirectReplies(client) : client;
    }

    private reusing(inner: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
        const appId = appIdOf(claimsIdentity);
        return {
            create: (serviceUrl: string, audience?: string): Promise<ConnectorClient> =>
                reused(this.clients, JSON.stringify([appId, serviceUrl, audience ?? null]), async () => this.direct(await inner.create(serviceUrl, audience))),
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

/** The calls `processRequest` answers with: restify's response has them (so have express's and the SDK's ResponseT). */
export interface TurnResponse {
    status(code: number): unknown;
    send(body: unknown): unknown;
    end(): unknown;
}

/**
 * CloudAdapter, plus turns the bot's own Direct Line hands over in-process (no JWT to check there),
 * plus `processRequest`: CloudAdapter.process for a parsed HTTP POST without its per-request zod schemas.
 */
export class BotAdapter extends CloudAdapter {
    constructor(authentication: ConfigurationBotFrameworkAuthentication, private readonly appId: string) {
        super(authentication);
    }

    /**
     * What CloudAdapter.process does for an HTTP POST whose JSON body the server has parsed and
     * checked (an object with a `type`): authenticate, run the turn, answer with the invoke
     * response (an expectReplies turn's replies come back as one), else 200; 401 when
     * authentication fails, 500 for any other failure, with the error's message as the body,
     * as the SDK answers. The log gets the error and the activity's type, never its text.
     */
    async processRequest(body: Record<string, unknown>, authHeader: string, res: TurnResponse, logic: (context: TurnContext) => Promise<void>, logger: Logger): Promise<void> {
        const end = (status: number, answer?: unknown): void => {
            res.status(status);
            if (answer) res.send(answer);
            res.end();
        };
        // Converts string timestamps to Dates, keeping the raw strings (as process does); mutates the body.
        const activity = validateAndFixActivity(body as unknown as Activity);
        if (!activity.type) {
            logger.warn('refused an activity without a type');
            return end(StatusCodes.BAD_REQUEST);
        }
        try {
            const invokeResponse = await this.processActivity(authHeader, activity, logic);
            return end(invokeResponse?.status ?? StatusCodes.OK, invokeResponse?.body);
        } catch (error) {
            const unauthorized = error instanceof AuthenticationError;
            const fields = { error: error instanceof Error ? error.message : String(error), activityType: activity.type, channelId: activity.channelId };
            if (unauthorized) logger.warn('refused an activity: authentication failed', fields);
            else logger.error('an activity failed', { ...fields, stack: error instanceof Error ? error.stack : undefined });
            // The SDK's answer, word for word: the error's message (or the thrown value itself).
            return end(unauthorized ? StatusCodes.UNAUTHORIZED : StatusCodes.INTERNAL_SERVER_ERROR, (error as { message?: unknown }).message ?? error);
        }
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
