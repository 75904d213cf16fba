import type * as restify from 'restify';
import type { Logger } from '../core/logger';
import { DirectLineError } from '../core/errors';

export type Handler = (req: restify.Request, res: restify.Response) => Promise<void>;

/** Answers typed errors with their Direct Line body; anything else is a 500 that gets logged. */
export function handleErrors(logger: Logger, handler: Handler): Handler {
    return async (req, res) => {
        try {
            await handler(req, res);
        } catch (error) {
            if (error instanceof DirectLineError) {
                res.send(error.status, error.toBody());
                return;
            }
            logger.error('direct line request failed', { route: req.getRoute()?.path?.toString(), error: (error as Error).message });
            if (!res.headersSent) res.send(500, { error: { code: 'ServiceError', message: 'Internal error.' } });
        }
    };
}
