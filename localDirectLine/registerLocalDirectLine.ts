import type { AddressInfo } from 'net';
import type { Activity, Storage } from 'botbuilder';
import type * as restify from 'restify';
import type { BotConfig } from '../core/config';
import type { Logger } from '../core/logger';
import type { PrivacyInspector } from '../core/privacyGuard';
import { registerConnectorRoutes } from './connectorRoutes';
import { ConversationStore } from './conversationStore';
import { registerDirectLineRoutes } from './directLineRoutes';
import { LocalDirectLine, type BotEndpoint } from './localDirectLine';
import { attachStreamEndpoint, type StreamLimits } from './streamEndpoint';
import { StreamHub } from './streamHub';
import { TokenSigner } from './tokenSigner';
import { InternalError } from '../core/errors';
import { DEFAULT_TOKEN_RATE_LIMIT } from '../web/directLineTokenEndpoint';
import type { TokenBucketOptions } from '../web/tokenBucket';

export interface LocalDirectLineDependencies {
    /** Hands a client activity to the bot in-process; its replies come back to the connector routes. */
    runTurn: (activity: Activity) => Promise<void>;
    /** The per-process secret the bot signs its connector calls with (see bot/adapter.ts). */
    connectorKey: string;
    storage: Storage;
    config: BotConfig;
    logger: Logger;
    /** The address browsers use, when a proxy hides it from the Host header (e.g. `https://bot.example.edu.tr`). */
    publicBaseUrl?: string;
    /** Tests only: smaller stream limits. */
    streamLimits?: StreamLimits;
    /** New conversations per client address; the production token endpoint's limit unless given. */
    rateLimit?: TokenBucketOptions;
}

export interface LocalDirectLineHandle {
    /** Where the page's widget asks for a token. */
    tokenUrl: string;
    close: () => void;
    /** True for URLs of this process's own connector routes. */
    ownsUrl: (url: string) => boolean;
}

/** Reads the signing key once it can: a store that fails at start is asked again on the next request. */
function retryingSigner(store: ConversationStore, logger: Logger): () => Promise<TokenSigner> {
    let pending: Promise<TokenSigner> | undefined;
    return () => {
        pending ??= store.signingKey().then(
            (key) => new TokenSigner(key),
            (error: Error) => {
                logger.error('could not read the direct line signing key; retrying on the next request', { error: error.message });
                pending = undefined;
                throw error;
            },
        );
        return pending;
    };
}

/** Direct Line 3.0 for the widget without Azure: client routes, stream, and the connector the bot replies to. */
export function registerLocalDirectLine(server: restify.Server, deps: LocalDirectLineDependencies & { inspect: PrivacyInspector }): LocalDirectLineHandle {
    const { runTurn, storage, config, logger, publicBaseUrl } = deps;
    const store = new ConversationStore(storage);
    const signer = retryingSigner(store, logger);
    // Read early so the first visitor does not wait; a failure here is retried by the first request.
    signer().catch(() => undefined);

    const bot: BotEndpoint = {
        account: { id: config.MicrosoftAppId ?? 'e-imza-asistani', name: 'e-imza-asistani', role: 'bot' },
        serviceUrl: () => ownBaseUrl(server),
        process: runTurn,
    };
    // Asked for every reply the bot sends: the listening address is read once, not per reply.
    let ownConversations: string | undefined;
    server.server.on('close', () => (ownConversations = undefined));
    const ownConversationsUrl = () => (ownConversations ??= server.address() ? `${ownBaseUrl(server)}/v3/conversations/` : undefined);
    const directLine = new LocalDirectLine(store, new StreamHub(), bot, logger, deps.inspect);
    registerDirectLineRoutes(server, {
        directLine,
        signer,
        logger,
        publicBaseUrl,
        rateLimit: deps.rateLimit ?? DEFAULT_TOKEN_RATE_LIMIT,
        trustedProxyHops: config.TRUSTED_PROXY_HOPS,
    });
    registerConnectorRoutes(server, directLine, logger, deps.connectorKey);
    const detach = attachStreamEndpoint(server.server, directLine, signer, logger, deps.streamLimits);
    return {
        tokenUrl: '/v3/directline/tokens/generate',
        close: detach,
        ownsUrl: (url) => {
            const own = ownConversationsUrl();
            return own !== undefined && url.startsWith(own);
        },
    };
}

/** The bot reaches its own connector routes over loopback, whatever name clients use. */
function ownBaseUrl(server: restify.Server): string {
    const address = server.address() as AddressInfo | null;
    if (!address) throw new InternalError('the server is not listening yet');
    const unspecified = ['::', '0.0.0.0', ''].includes(address.address);
    const host = unspecified ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
}
