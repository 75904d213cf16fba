import { timingSafeEqual } from 'crypto';
import type * as restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../core/logger';
import { directLineErrors } from '../core/errors';
import { handleErrors } from './handleErrors';
import type { LocalDirectLine } from './localDirectLine';
import { bearerOf } from './authorization';
import { isLoopbackAddress } from '../core/loopback';

const outgoingActivity = z.object({ type: z.string().min(1), replyToId: z.string().optional() }).passthrough();

/**
 * The Bot Connector side: the bot's CloudAdapter sends its replies to the activity's serviceUrl,
 * which for local Direct Line conversations is this very server. Only the bot may speak for the
 * bot: it signs these calls with `connectorKey`, a secret made afresh by each process (a reverse
 * proxy on the host makes every caller look local, so being local proves nothing).
 */
export function registerConnectorRoutes(server: restify.Server, directLine: LocalDirectLine, logger: Logger, connectorKey: string): void {
    const expected = Buffer.from(connectorKey);
    const isTheBot = (req: restify.Request): boolean => {
        const given = Buffer.from(bearerOf(req) ?? '');
        return isLoopbackAddress(req.socket.remoteAddress) && given.length === expected.length && timingSafeEqual(given, expected);
    };
    const route = (handler: Parameters<typeof handleErrors>[1]) =>
        handleErrors(logger, async (req, res) => {
            if (!isTheBot(req)) throw directLineErrors.notLocalCaller();
            await handler(req, res);
        });
    const param = (req: restify.Request, name: string): string =>
        z
            .string()
            .min(1)
            .parse((req.params as Record<string, unknown>)[name]);
    const body = (req: restify.Request) => {
        const parsed = outgoingActivity.safeParse(req.body);
        if (!parsed.success) throw directLineErrors.badArgument('The body must be an activity with a "type".');
        return parsed.data;
    };

    server.post(
        '/v3/conversations/:conversationId/activities',
        route(async (req, res) => {
            res.send(200, { id: await directLine.receiveFromBot(param(req, 'conversationId'), body(req)) });
        }),
    );

    server.post(
        '/v3/conversations/:conversationId/activities/:activityId',
        route(async (req, res) => {
            res.send(200, { id: await directLine.receiveFromBot(param(req, 'conversationId'), body(req), param(req, 'activityId')) });
        }),
    );

    server.put(
        '/v3/conversations/:conversationId/activities/:activityId',
        route(async (req, res) => {
            res.send(200, { id: await directLine.updateFromBot(param(req, 'conversationId'), param(req, 'activityId'), body(req)) });
        }),
    );

    server.del(
        '/v3/conversations/:conversationId/activities/:activityId',
        route(async (req, res) => {
            await directLine.deleteFromBot(param(req, 'conversationId'), param(req, 'activityId'));
            res.send(200, {});
        }),
    );
}
