import type { IncomingMessage, Server } from 'http';
import type { Duplex } from 'stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../core/logger';
import type { LocalDirectLine } from './localDirectLine';
import { parseWatermark } from './publicUrls';
import type { TokenSigner } from './tokenSigner';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

export interface StreamLimits {
    /** Clients only send empty keep-alive messages: anything bigger closes the socket (1009). */
    maxPayloadBytes: number;
    /** A browser tab needs one socket, a reload briefly two. */
    maxSocketsPerConversation: number;
    /** A socket that does not answer a ping within this interval is terminated. */
    heartbeatMs: number;
}

const DEFAULT_STREAM_LIMITS: StreamLimits = { maxPayloadBytes: 64 * 1024, maxSocketsPerConversation: 4, heartbeatMs: 30_000 };

/** The streamUrl: a WebSocket per client, authorised by the token in its `t` query parameter. */
export function attachStreamEndpoint(httpServer: Server, directLine: LocalDirectLine, signer: () => Promise<TokenSigner>, logger: Logger, limits: StreamLimits = DEFAULT_STREAM_LIMITS): () => void {
    const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes });
    // Counted from the upgrade on, so sockets still opening count too.
    const perConversation = new Map<string, number>();
    const alive = new WeakSet<WebSocket>();

    const refuse = (socket: Duplex, status: string): void => {
        socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };

    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
        const url = new URL(req.url ?? '/', 'http://local');
        const match = STREAM_PATH.exec(url.pathname);
        if (!match) {
            // Without us Node would drop an upgrade nobody handles; do the same unless someone else listens.
            if (httpServer.listenerCount('upgrade') === 1) socket.destroy();
            return;
        }
        signer()
            .then((ready) => accept(req, socket, head, url, match[1], ready))
            .catch((error: Error) => {
                logger.warn('refused a direct line stream', { error: error.message });
                socket.destroy();
            });
    };

    const accept = (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, encodedId: string, ready: TokenSigner): void => {
        const conversationId = decodeURIComponent(encodedId);
        const check = ready.check(url.searchParams.get('t') ?? '');
        if (check.kind !== 'valid' || check.claims.conversationId !== conversationId) {
            refuse(socket, '403 Forbidden');
            return;
        }
        const open = perConversation.get(conversationId) ?? 0;
        if (open >= limits.maxSocketsPerConversation) {
            logger.warn('refused a direct line stream: too many for one conversation', { limit: limits.maxSocketsPerConversation });
            refuse(socket, '429 Too Many Requests');
            return;
        }
        perConversation.set(conversationId, open + 1);
        let counted = true;
        const release = () => {
            if (!counted) return;
            counted = false;
            const left = (perConversation.get(conversationId) ?? 1) - 1;
            if (left > 0) perConversation.set(conversationId, left);
            else perConversation.delete(conversationId);
        };
        socket.once('close', release);
        sockets.handleUpgrade(req, socket, head, (ws) => {
            alive.add(ws);
            ws.on('pong', () => alive.add(ws));
            ws.once('close', release);
            // Clients send empty messages as keep-alive pings; there is nothing else to read.
            ws.on('message', () => undefined);
            ws.on('error', (error) => logger.debug('direct line stream error', { error: error.message }));
            directLine.openStream(conversationId, ws, parseWatermark(url.searchParams.get('watermark') ?? undefined)).catch((error: Error) => {
                logger.warn('could not open a direct line stream', { error: error.message });
                ws.close(1011);
            });
        });
    };

    // Dead peers (a laptop lid closed) would otherwise hold their socket and its slot for ever.
    const heartbeat = setInterval(() => {
        for (const ws of sockets.clients) {
            if (!alive.has(ws)) {
                ws.terminate();
                continue;
            }
            alive.delete(ws);
            ws.ping();
        }
    }, limits.heartbeatMs);
    heartbeat.unref();

    httpServer.on('upgrade', onUpgrade);
    return () => {
        clearInterval(heartbeat);
        httpServer.off('upgrade', onUpgrade);
        for (const client of sockets.clients) client.terminate();
        sockets.close();
    };
}
