import * as fs from 'fs';
import type * as restify from 'restify';
import { createTranslator, type Translator } from '../core/i18n';
import { fromRoot } from '../core/projectPaths';
import { loadInstitutionProfile, type InstitutionProfile } from '../institution/institutionProfile';
import { registerLocalDirectLine, type LocalDirectLineDependencies } from './directLine/registerLocalDirectLine';
import { queryValue } from './directLine/publicUrls';
import { registerTokenEndpoint, TOKEN_ENDPOINT_PATH } from './directLineTokenEndpoint';
import { registerWebChatAssets, WEB_CHAT_BUNDLE_URL } from './webChatAssets';
import { languageFromQuery, renderWebChatPage, type TokenSource, type WebChatTheme } from './webChatPage';

/** What the local Direct Line needs, plus what the page itself shows. */
export interface WebChatDependencies extends LocalDirectLineDependencies {
    /** Defaults: the profile at `config.institutionProfilePath`, the project's locales. */
    profile?: InstitutionProfile;
    translator?: Translator;
}

export interface WebChatHandle {
    mode: 'local' | 'production';
    /** Closes the Direct Line streams, so the server can stop. */
    close(): void;
}

/** GET / with the Web Chat widget, and the Direct Line it talks to: the local endpoint or a production token. */
export function registerWebChat(server: restify.Server, deps: WebChatDependencies): WebChatHandle {
    const { config, logger } = deps;
    const profile = deps.profile ?? loadInstitutionProfile(config.institutionProfilePath);
    const translator = deps.translator ?? createTranslator();
    const theme = JSON.parse(fs.readFileSync(fromRoot('web', 'webChatTheme.json'), 'utf8')) as WebChatTheme;

    let tokenSource: TokenSource;
    let close: () => void = () => undefined;
    const secret = config.DIRECT_LINE_SECRET;
    if (secret) {
        registerTokenEndpoint(server, { secret, endpoint: config.DIRECT_LINE_ENDPOINT, logger });
        tokenSource = { tokenUrl: TOKEN_ENDPOINT_PATH, directLineDomain: config.DIRECT_LINE_ENDPOINT.replace(/\/+$/, '') };
    } else {
        close = registerLocalDirectLine(server, deps).close;
        tokenSource = { tokenUrl: '/v3/directline/tokens/generate' };
        logger.info('web chat uses the local Direct Line endpoint (DIRECT_LINE_SECRET is not set)');
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

    return { mode: secret ? 'production' : 'local', close };
}
