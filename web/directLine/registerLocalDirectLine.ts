import type { AddressInfo } from 'net';
import type { CloudAdapter, Storage, TurnContext } from 'botbuilder';
import type * as restify from 'restify';
import type { BotConfig } from '../../core/config';
import type { Logger } from '../../core/logger';
import { registerConnectorRoutes } from './connectorRoutes';
import { ConversationStore } from './conversationStore';
import { registerDirectLineRoutes } from './directLineRoutes';
import { LocalDirectLine, type BotEndpoint } from './localDirectLine';
import { attachStreamEndpoint } from './streamEndpoint';
import { StreamHub } from './streamHub';
import { TokenSigner } from './tokenSigner';
import { InternalError } from '../../core/errors';

export interface LocalDirectLineDependencies {
    adapter: CloudAdapter;
    logic: (context: TurnContext) => Promise<void>;
    storage: Storage;
    config: BotConfig;
    logger: Logger;
    /** The address browsers use, when a proxy hides it from the Host header (e.g. `https://bot.example.edu.tr`). */
    publicBaseUrl?: string;
}

/** Direct Line 3.0 for the widget without Azure: client routes, stream, and the connector the bot replies to. */
export function registerLocalDirectLine(server: restify.Server, deps: LocalDirectLineDependencies): { close: () => void } {
    const { adapter, logic, storage, config, logger, publicBaseUrl } = deps;
    if (!config.localMode) {
        logger.warn('the local Direct Line endpoint needs local mode: with Bot Framework credentials set, set DIRECT_LINE_SECRET too');
    }
    const store = new ConversationStore(storage);
    const signer = store.signingKey().then((key) => new TokenSigner(key));
    // Without a catch here an unreadable store would be an unhandled rejection; requests still report it.
    signer.catch((error: Error) => logger.error('could not read the direct line signing key', { error: error.message }));

    const bot: BotEndpoint = {
        account: { id: config.MicrosoftAppId ?? 'e-imza-asistani', name: 'e-imza-asistani', role: 'bot' },
        serviceUrl: () => ownBaseUrl(server),
        // Local mode: an empty authorization header is accepted and replies go to serviceUrl unsigned.
        process: (activity) => adapter.processActivityDirect('', activity, logic),
    };
    const directLine = new LocalDirectLine(store, new StreamHub(), bot, logger);
    registerDirectLineRoutes(server, { directLine, signer, logger, publicBaseUrl });
    registerConnectorRoutes(server, directLine, logger);
    const detach = attachStreamEndpoint(server.server, directLine, signer, logger);
    return { close: detach };
}

/** The bot reaches its own connector routes over loopback, whatever name clients use. */
function ownBaseUrl(server: restify.Server): string {
    const address = server.address() as AddressInfo | null;
    if (!address) throw new InternalError('the server is not listening yet');
    const unspecified = ['::', '0.0.0.0', ''].includes(address.address);
    const host = unspecified ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
}
