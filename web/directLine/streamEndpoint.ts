import type { IncomingMessage, Server } from 'http';
import type { Duplex } from 'stream';
import { WebSocketServer } from 'ws';
import type { Logger } from '../../core/logger';
import type { LocalDirectLine } from './localDirectLine';
import { parseWatermark } from './publicUrls';
import type { TokenSigner } from './tokenSigner';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

/** The streamUrl: a WebSocket per client, authorised by the token in its `t` query parameter. */
export function attachStreamEndpoint(httpServer: Server, directLine: LocalDirectLine, signer: Promise<TokenSigner>, logger: Logger): () => void {
    const sockets = new WebSocketServer({ noServer: true });

    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
        const url = new URL(req.url ?? '/', 'http://local');
        const match = STREAM_PATH.exec(url.pathname);
        if (!match) {
            // Without us Node would drop an upgrade nobody handles; do the same unless someone else listens.
            if (httpServer.listenerCount('upgrade') === 1) socket.destroy();
            return;
        }
        signer.then((ready) => accept(req, socket, head, url, match[1], ready)).catch((error: Error) => {
            logger.warn('refused a direct line stream', { error: error.message });
            socket.destroy();
        });
    };

    const accept = (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, encodedId: string, ready: TokenSigner): void => {
        const conversationId = decodeURIComponent(encodedId);
        const check = ready.check(url.searchParams.get('t') ?? '');
        if (check.kind !== 'valid' || check.claims.conversationId !== conversationId) {
            socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
            return;
        }
        sockets.handleUpgrade(req, socket, head, (ws) => {
            // Clients send empty messages as keep-alive pings; there is nothing else to read.
            ws.on('message', () => undefined);
            ws.on('error', (error) => logger.debug('direct line stream error', { conversationId, error: error.message }));
            directLine.openStream(conversationId, ws, parseWatermark(url.searchParams.get('watermark') ?? undefined)).catch((error: Error) => {
                logger.warn('could not open a direct line stream', { conversationId, error: error.message });
                ws.close(1011);
            });
        });
    };

    httpServer.on('upgrade', onUpgrade);
    return () => {
        httpServer.off('upgrade', onUpgrade);
        for (const client of sockets.clients) client.terminate();
        sockets.close();
    };
}
