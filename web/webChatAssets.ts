import * as fs from 'fs';
import * as zlib from 'zlib';
import type * as restify from 'restify';
import { fromRoot } from '../core/projectPaths';
import type { Logger } from '../core/logger';

interface BundleManifest {
    package: string;
    version: string;
}

const manifest = JSON.parse(fs.readFileSync(fromRoot('web', 'webChatBundle.json'), 'utf8')) as BundleManifest;

/** Where `web/installWebChatBundle.js` (run by `npm install`) puts Web Chat's browser bundle. */
const WEB_CHAT_BUNDLE_FILE = fromRoot('node_modules', '.cache', 'webchat-bundle', manifest.version, 'webchat.js');
// The version is in the URL, so browsers may cache the bundle for good.
export const WEB_CHAT_BUNDLE_URL = `/webchat/${manifest.version}/webchat.js`;

interface Asset {
    type: string;
    cacheControl: string;
    plain: Buffer;
    gzipped?: Buffer;
}

/** Serves the bundle and the page's own scripts, style and icon, gzipped once in memory when the client accepts it. */
export function registerWebChatAssets(server: restify.Server, logger: Logger): void {
    const assets = new Map<string, () => Asset | undefined>([
        [WEB_CHAT_BUNDLE_URL, lazyAsset(WEB_CHAT_BUNDLE_FILE, 'application/javascript; charset=utf-8', 'public, max-age=31536000, immutable')],
        ['/webchat/chat.js', lazyAsset(fromRoot('web', 'public', 'chat.js'), 'application/javascript; charset=utf-8', 'no-cache')],
        ['/webchat/keyboard.js', lazyAsset(fromRoot('web', 'public', 'keyboard.js'), 'application/javascript; charset=utf-8', 'no-cache')],
        ['/webchat/page.css', lazyAsset(fromRoot('web', 'public', 'page.css'), 'text/css; charset=utf-8', 'no-cache')],
        // The Teams app's icon is the page's icon too; browsers that ask for /favicon.ico regardless get its PNG.
        ['/webchat/icon.svg', lazyAsset(fromRoot('appPackage', 'icons', 'color.svg'), 'image/svg+xml', 'public, max-age=86400')],
        ['/favicon.ico', lazyAsset(fromRoot('appPackage', 'icons', 'color.png'), 'image/png', 'public, max-age=86400')],
    ]);
    if (!fs.existsSync(WEB_CHAT_BUNDLE_FILE)) {
        logger.error('the web chat bundle is missing: run `npm install` (or `node web/installWebChatBundle.js`)', { file: WEB_CHAT_BUNDLE_FILE });
    }

    for (const [path, load] of assets) {
        // eslint-disable-next-line @typescript-eslint/require-await -- restify accepts a (req, res) handler only if it is an AsyncFunction
        server.get(path, async (req: restify.Request, res: restify.Response) => {
            const asset = load();
            if (!asset) {
                res.send(503, { error: 'ASSET_MISSING', message: 'The web chat bundle is not installed.' });
                return;
            }
            const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
            asset.gzipped ??= gzip ? zlib.gzipSync(asset.plain) : undefined;
            const body = gzip && asset.gzipped ? asset.gzipped : asset.plain;
            res.writeHead(200, {
                'Content-Type': asset.type,
                'Cache-Control': asset.cacheControl,
                'Content-Length': body.length,
                'X-Content-Type-Options': 'nosniff',
                Vary: 'Accept-Encoding',
                ...(body === asset.gzipped ? { 'Content-Encoding': 'gzip' } : {}),
            });
            res.end(body);
        });
    }
}

function lazyAsset(file: string, type: string, cacheControl: string): () => Asset | undefined {
    let asset: Asset | undefined;
    return () => {
        if (!asset && fs.existsSync(file)) asset = { type, cacheControl, plain: fs.readFileSync(file) };
        return asset;
    };
}
