import * as fs from 'fs';
import type * as restify from 'restify';
import { createTranslator, type Translator } from '../core/i18n';
import { fromRoot } from '../core/projectPaths';
import { loadInstitutionProfile, type InstitutionProfile } from '../institution/institutionProfile';
import type { BotConfig } from '../core/config';
import type { Logger } from '../core/logger';
import { queryValue } from './queryValue';
import { registerTokenEndpoint, TOKEN_ENDPOINT_PATH } from './directLineTokenEndpoint';
import { registerWebChatAssets, WEB_CHAT_BUNDLE_URL } from './webChatAssets';
import { languageFromQuery, renderWebChatPage, type TokenSource, type WebChatTheme } from './webChatPage';

/**
 * The local Direct Line (a development module in localDirectLine/) as the page sees it: where the
 * widget gets a token, whose URLs are its connector routes, and how to close its streams.
 */
interface LocalChatEndpoint {
    tokenUrl: string;
    close: () => void;
    ownsUrl: (url: string) => boolean;
}

export interface WebChatDependencies {
    config: BotConfig;
    logger: Logger;
    /** Defaults: the profile at `config.institutionProfilePath`, the project's locales. */
    profile?: InstitutionProfile;
    translator?: Translator;
    /** Registers the local Direct Line on the server; given by the composition root only when it is wanted (LOCAL_DIRECT_LINE). */
    startLocalEndpoint?: () => LocalChatEndpoint;
}

export interface WebChatHandle {
    /** `off`: Bot Framework credentials set, no DIRECT_LINE_SECRET and the local endpoint not enabled. */
    mode: 'local' | 'production' | 'off';
    /** Closes the Direct Line streams, so the server can stop. */
    close(): void;
    /** True for URLs of the local Direct Line's connector routes (the bot signs its calls there). */
    ownsUrl(url: string): boolean;
}

/** GET / with the Web Chat widget, and the Direct Line it talks to: the local endpoint or a production token. */
export function registerWebChat(server: restify.Server, deps: WebChatDependencies): WebChatHandle {
    const { config, logger } = deps;
    const profile = deps.profile ?? loadInstitutionProfile(config.institutionProfilePath);
    const translator = deps.translator ?? createTranslator();
    const theme = JSON.parse(fs.readFileSync(fromRoot('web', 'webChatTheme.json'), 'utf8')) as WebChatTheme;

    const secret = config.DIRECT_LINE_SECRET;
    const local = secret ? undefined : deps.startLocalEndpoint?.();
    let tokenSource: TokenSource;
    let close: () => void = () => undefined;
    let ownsUrl: (url: string) => boolean = () => false;
    if (secret) {
        registerTokenEndpoint(server, { secret, endpoint: config.DIRECT_LINE_ENDPOINT, logger, trustedProxyHops: config.TRUSTED_PROXY_HOPS });
        tokenSource = { tokenUrl: TOKEN_ENDPOINT_PATH, directLineDomain: config.DIRECT_LINE_ENDPOINT.replace(/\/+$/, '') };
    } else if (local) {
        ({ close, ownsUrl } = local);
        tokenSource = { tokenUrl: local.tokenUrl };
        logger.info('web chat uses the local Direct Line endpoint (DIRECT_LINE_SECRET is not set)');
        if (!config.localMode) logger.warn('LOCAL_DIRECT_LINE=true with Bot Framework credentials: the built-in Direct Line endpoint serves anyone who opens the page');
    } else {
        // With authentication on, an unauthenticated chat endpoint must be asked for (LOCAL_DIRECT_LINE=true).
        logger.warn('web chat is off: set DIRECT_LINE_SECRET, or LOCAL_DIRECT_LINE=true for the built-in Direct Line endpoint');
        return { mode: 'off', close: () => undefined, ownsUrl: () => false };
    }
    registerWebChatAssets(server, logger);

    // eslint-disable-next-line @typescript-eslint/require-await -- restify accepts a (req, res) handler only if it is an AsyncFunction
    server.get('/', async (req: restify.Request, res: restify.Response) => {
        const language = languageFromQuery(queryValue(req, 'lang'));
        const html = renderWebChatPage({ language, translator, profile, theme, tokenSource, bundleUrl: WEB_CHAT_BUNDLE_URL });
        res.writeHead(200, {
            'Content-Type': 'text/html; charset=utf-8',
            'Cache-Control': 'no-cache',
            'X-Content-Type-Options': 'nosniff',
            'Referrer-Policy': 'same-origin',
        });
        res.end(html);
    });

    return { mode: secret ? 'production' : 'local', close, ownsUrl };
}
