import * as restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { httpErrors } from '../core/errors';
import type { Logger } from '../core/logger';
import { isLoopbackUrl } from '../core/loopback';

export interface ServerDependencies {
    adapter: CloudAdapter;
    logic: (context: TurnContext) => Promise<void>;
    /** Resolves when the store answers; `/healthz` turns 503 when it rejects. */
    checkHealth: () => Promise<Record<string, unknown>>;
    logger: Logger;
    /** Local mode (no authentication): only activities whose serviceUrl is on this host are processed. */
    localMode?: boolean;
}

/**
 * An object with a non-empty string `type`: anything else gets the bot's own 400 before botbuilder
 * sees it (botbuilder would run a turn for a numeric `type`). A plain check, not a schema: it runs on every turn.
 */
function isActivityShaped(body: unknown): body is Record<string, unknown> & { type: string } {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
    const { type } = body as { type?: unknown };
    return typeof type === 'string' && type.length > 0;
}
const JSON_CONTENT_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-?8"?\s*)?$/i;
const MAX_BODY_BYTES = 256 * 1024;

/**
 * restify inflates a gzip or deflate body and counts only the compressed bytes against the limit:
 * 260 KB on the wire became 255 MB in memory before authentication. No Bot Framework channel
 * compresses what it posts, so a body with any Content-Encoding is refused unread.
 */
function isCompressed(req: restify.Request): boolean {
    return req.headers['content-encoding'] !== undefined;
}

/** A request that carries a body (whatever its method says). */
function hasBody(req: restify.Request): boolean {
    const length = req.headers['content-length'];
    return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

export function createServer({ adapter, logic, checkHealth, logger, localMode = false }: ServerDependencies): restify.Server {
    const server = restify.createServer({ name: 'e-imza-asistani', handleUncaughtExceptions: false });
    // Before routing and before a byte is read: JSON is the only body any route accepts (no multipart, no temp files).
    server.pre((req: restify.Request, res: restify.Response, next: restify.Next) => {
        if (hasBody(req) && (isCompressed(req) || !JSON_CONTENT_TYPE.test(req.headers['content-type'] ?? ''))) {
            const refusal = isCompressed(req) ? httpErrors.unsupportedEncoding() : httpErrors.unsupportedMediaType();
            res.header('Connection', 'close');
            res.send(refusal.status, refusal.toBody());
            return next(false);
        }
        return next();
    });
    // jsonBodyParser hands its options to restify's body reader too, which honours maxBodySize.
    const jsonOptions: restify.plugins.BodyParserOptions = { mapParams: false, maxBodySize: MAX_BODY_BYTES };
    server.use(restify.plugins.jsonBodyParser(jsonOptions));

    server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
        const activity: unknown = req.body;
        if (!isActivityShaped(activity)) {
            res.send(400, { error: 'BAD_ACTIVITY', message: 'The body must be a Bot Framework activity with a "type".' });
            return;
        }
        // Nobody vouches for an unauthenticated caller: it must not make the bot call (or learn) another host.
        if (localMode && !isLoopbackUrl(typeof activity.serviceUrl === 'string' ? activity.serviceUrl : undefined)) {
            const refusal = httpErrors.serviceUrlNotLoopback();
            logger.warn('refused an activity: local mode talks to loopback service URLs only');
            res.send(refusal.status, refusal.toBody());
            return;
        }
        try {
            // botbuilder's own: authentication, the turn, the invoke or expectReplies answer, 401 and 500.
            await adapter.process(req, res, logic);
            // botbuilder prints the refusal's stack to stderr only; operators read the structured log.
            if (res.statusCode === 401) logger.warn('refused an activity: authentication failed', { activityType: activity.type, channelId: activity.channelId });
        } catch (error) {
            logger.error('could not process an activity', { error: (error as Error).message });
            if (!res.headersSent) res.send(500, { error: 'INTERNAL', message: 'The activity could not be processed.' });
        }
    });

    server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
        try {
            res.send(200, { status: 'ok', ...(await checkHealth()) });
        } catch (error) {
            // The store's own words may name hosts, accounts or paths: they go to the log, not to anonymous callers.
            logger.error('health check failed', { error: (error as Error).message });
            const unhealthy = httpErrors.unhealthy();
            res.send(unhealthy.status, { status: 'unavailable', error: unhealthy.code });
        }
    });

    return server;
}
