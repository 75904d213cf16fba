import type * as restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../../core/logger';
import { directLineErrors } from '../../core/errors';
import { handleErrors } from './handleErrors';
import type { LocalDirectLine } from './localDirectLine';

const outgoingActivity = z.looseObject({ type: z.string().min(1), replyToId: z.string().optional() });

/**
 * The Bot Connector side: the bot's CloudAdapter sends its replies to the activity's serviceUrl,
 * which for local Direct Line conversations is this very server.
 */
export function registerConnectorRoutes(server: restify.Server, directLine: LocalDirectLine, logger: Logger): void {
    const route = (handler: Parameters<typeof handleErrors>[1]) => handleErrors(logger, async (req, res) => {
        // Only the bot (this host) may speak for the bot; in local mode there is no token to check.
        if (!isSameHost(req)) throw directLineErrors.notLocalCaller();
        await handler(req, res);
    });
    const param = (req: restify.Request, name: string): string => z.string().min(1).parse((req.params as Record<string, unknown>)[name]);
    const body = (req: restify.Request) => {
        const parsed = outgoingActivity.safeParse(req.body);
        if (!parsed.success) throw directLineErrors.badArgument('The body must be an activity with a "type".');
        return parsed.data;
    };

    server.post('/v3/conversations/:conversationId/activities', route(async (req, res) => {
        res.send(200, { id: await directLine.receiveFromBot(param(req, 'conversationId'), body(req)) });
    }));

    server.post('/v3/conversations/:conversationId/activities/:activityId', route(async (req, res) => {
        res.send(200, { id: await directLine.receiveFromBot(param(req, 'conversationId'), body(req), param(req, 'activityId')) });
    }));

    server.put('/v3/conversations/:conversationId/activities/:activityId', route(async (req, res) => {
        res.send(200, { id: await directLine.updateFromBot(param(req, 'conversationId'), param(req, 'activityId'), body(req)) });
    }));

    server.del('/v3/conversations/:conversationId/activities/:activityId', route(async (req, res) => {
        await directLine.deleteFromBot(param(req, 'conversationId'), param(req, 'activityId'));
        res.send(200, {});
    }));
}

function isSameHost(req: restify.Request): boolean {
    const remote = req.socket.remoteAddress ?? '';
    return remote === req.socket.localAddress || remote === '::1' || remote.startsWith('127.') || remote.startsWith('::ffff:127.');
}
