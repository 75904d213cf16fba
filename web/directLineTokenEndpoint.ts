import { randomBytes } from 'crypto';
import type * as restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../core/logger';
import { TokenBucketLimiter, type TokenBucketOptions } from './tokenBucket';
import { directLineErrors } from '../core/errors';
import { clientAddress, rateLimitKey } from './clientAddress';

export const TOKEN_ENDPOINT_PATH = '/api/directline/token';
/** A page needs one token per visit; a burst of 10 covers a few tabs, then one every 6 s. */
export const DEFAULT_TOKEN_RATE_LIMIT: TokenBucketOptions = { capacity: 10, refillPerSecond: 1 / 6 };

export interface TokenEndpointDependencies {
    secret: string;
    /** Direct Line base URL, up to and including `/v3/directline`. */
    endpoint: string;
    logger: Logger;
    rateLimit?: TokenBucketOptions;
    /** Reverse proxies in front of the bot whose X-Forwarded-For entries are believed (TRUSTED_PROXY_HOPS). */
    trustedProxyHops?: number;
    fetchImpl?: typeof fetch;
}

const generated = z.object({ conversationId: z.string().min(1), token: z.string().min(1), expires_in: z.number().optional() }).passthrough();

/**
 * Production: trades the Direct Line secret for a conversation token, so the page only ever sees
 * the token. Rate-limited per client address (see clientAddress.ts): each call opens a conversation on the paid service.
 */
export function registerTokenEndpoint(server: restify.Server, deps: TokenEndpointDependencies): void {
    const limiter = new TokenBucketLimiter(deps.rateLimit ?? DEFAULT_TOKEN_RATE_LIMIT);
    const doFetch = deps.fetchImpl ?? fetch;
    const url = `${deps.endpoint.replace(/\/+$/, '')}/tokens/generate`;

    server.post(TOKEN_ENDPOINT_PATH, async (req: restify.Request, res: restify.Response) => {
        res.header('Cache-Control', 'no-store');
        // Behind App Service every visitor shares the front end's socket address: the forwarded client
        // address counts, taken only from the trusted hops so a header the client writes buys no tokens.
        const verdict = limiter.take(rateLimitKey(clientAddress(req, deps.trustedProxyHops ?? 0)));
        if (!verdict.allowed) {
            res.header('Retry-After', String(verdict.retryAfterSeconds));
            res.send(429, { error: 'RATE_LIMITED', message: 'Too many token requests.' });
            return;
        }
        const userId = `dl_${randomBytes(12).toString('base64url')}`;
        try {
            const response = await doFetch(url, {
                method: 'POST',
                headers: { Authorization: `Bearer ${deps.secret}`, 'Content-Type': 'application/json' },
                body: JSON.stringify({ user: { id: userId } }),
                signal: AbortSignal.timeout(10_000),
            });
            if (!response.ok) throw directLineErrors.upstream(response.status);
            const body = generated.parse(await response.json());
            res.send(200, { conversationId: body.conversationId, token: body.token, expires_in: body.expires_in, userId });
        } catch (error) {
            deps.logger.error('could not get a direct line token', { error: (error as Error).message });
            res.send(502, { error: 'DIRECT_LINE_UNAVAILABLE', message: 'Could not get a Direct Line token.' });
        }
    });
}
