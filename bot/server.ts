import * as restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../core/logger';

export interface ServerDependencies {
    adapter: CloudAdapter;
    logic: (context: TurnContext) => Promise<void>;
    /** Resolves when the store answers; `/healthz` turns 503 when it rejects. */
    checkHealth: () => Promise<Record<string, unknown>>;
    logger: Logger;
}

// Just enough to let botbuilder answer: it rejects instead of answering 400 when `type` is missing.
const activityShape = z.looseObject({ type: z.string().min(1) });

export function createServer({ adapter, logic, checkHealth, logger }: ServerDependencies): restify.Server {
    const server = restify.createServer({ name: 'e-imza-asistani', handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));

    server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
        if (!activityShape.safeParse(req.body).success) {
            res.send(400, { error: 'BAD_ACTIVITY', message: 'The body must be a Bot Framework activity with a "type".' });
            return;
        }
        try {
            await adapter.process(req, res, logic);
        } catch (error) {
            logger.error('could not process an activity', { error: (error as Error).message });
            if (!res.headersSent) res.send(500, { error: 'INTERNAL', message: 'The activity could not be processed.' });
        }
    });

    server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
        try {
            res.send(200, { status: 'ok', ...(await checkHealth()) });
        } catch (error) {
            res.send(503, { status: 'unavailable', error: (error as Error).message });
        }
    });

    return server;
}
