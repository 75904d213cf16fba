import { randomBytes } from 'crypto';
import type * as restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../core/logger';
import { authorize, bearerOf, type Caller } from './authorization';
import { DirectLineError, directLineErrors } from '../core/errors';
import { handleErrors } from './handleErrors';
import type { LocalDirectLine } from './localDirectLine';
import { queryValue } from '../web/queryValue';
import { parseWatermark, streamUrl } from './publicUrls';
import type { TokenSigner } from './tokenSigner';
import { clientAddress, rateLimitKey } from '../web/clientAddress';
import { TokenBucketLimiter, type TokenBucketOptions } from '../web/tokenBucket';

export interface DirectLineRouteDependencies {
    directLine: LocalDirectLine;
    /** Resolves once the signing key is read from the store (retried on each call until it was). */
    signer: () => Promise<TokenSigner>;
    /** A Direct Line secret for server-side clients; none = tokens only. */
    secret?: string;
    logger: Logger;
    publicBaseUrl?: string;
    /** New conversations per client address (see clientAddress.ts), as the production token endpoint allows. */
    rateLimit: TokenBucketOptions;
    trustedProxyHops: number;
}

const BASE = '/v3/directline';
const startBody = z
    .object({ locale: z.string().max(35).optional() })
    .passthrough()
    .optional();
/** What a client may send: a message (typed text, a card's submit) or that the user is typing; nothing else. */
const CLIENT_ACTIVITY_TYPES = ['message', 'typing'] as const;
const activityBody = z
    .object({
        type: z.enum(CLIENT_ACTIVITY_TYPES, { message: 'Only "message" and "typing" activities are accepted from a client.' }),
        text: z.string({ message: '"text" must be a string.' }).optional(),
        locale: z.string().max(35).optional(),
    })
    .passthrough();

const newId = (bytes: number) => randomBytes(bytes).toString('base64url');
/**
 * Every user id is made here, whatever the client asks for: a chosen id could be someone else's
 * (a Teams user's AAD object id, another visitor's id), and the bot would take the caller for them.
 */
const newUserId = () => `dl_${newId(12)}`;

/** The client side of Direct Line 3.0: what botframework-directlinejs and Web Chat call. */
export function registerDirectLineRoutes(server: restify.Server, deps: DirectLineRouteDependencies): void {
    const { directLine, logger, publicBaseUrl } = deps;
    const route = (handler: (req: restify.Request, res: restify.Response, signer: TokenSigner) => void | Promise<void>) => handleErrors(logger, async (req, res) => handler(req, res, await deps.signer()));
    const caller = (signer: TokenSigner, req: restify.Request, conversationId?: string): Caller => authorize(signer, bearerOf(req), conversationId, deps.secret);
    const conversationParam = (req: restify.Request): string =>
        z
            .string()
            .min(1)
            .parse((req.params as Record<string, unknown>).conversationId);
    const limiter = new TokenBucketLimiter(deps.rateLimit);
    /** Each new conversation costs its caller one token of the bucket; none left: 429 with Retry-After. */
    const spendOne = (req: restify.Request, res: restify.Response) => {
        const verdict = limiter.take(rateLimitKey(clientAddress(req, deps.trustedProxyHops)));
        if (verdict.allowed) return;
        res.header('Retry-After', String(verdict.retryAfterSeconds));
        throw directLineErrors.rateLimited();
    };

    server.post(
        `${BASE}/tokens/generate`,
        route((req, res, signer) => {
            spendOne(req, res);
            const conversationId = newId(18);
            const issued = signer.issue(conversationId, newUserId());
            res.send(200, { conversationId, ...issued });
        }),
    );

    server.post(
        `${BASE}/tokens/refresh`,
        route((req, res, signer) => {
            const who = caller(signer, req);
            if (who.kind !== 'token') throw directLineErrors.tokenInvalid();
            const { conversationId, userId } = who.claims;
            res.send(200, { conversationId, ...signer.issue(conversationId, userId) });
        }),
    );

    server.post(
        `${BASE}/conversations`,
        route(async (req, res, signer) => {
            const who = caller(signer, req);
            const body = startBody.safeParse(req.body).data;
            // A token names its conversation (a reload resumes it; its generate call paid for it); the secret always starts a new one.
            if (who.kind !== 'token') spendOne(req, res);
            const [conversationId, userId] = who.kind === 'token' ? [who.claims.conversationId, who.claims.userId] : [newId(18), newUserId()];
            const { conversation, created } = await directLine.start(conversationId, userId, body?.locale);
            const issued = signer.issue(conversation.id, conversation.userId);
            res.send(created ? 201 : 200, {
                conversationId: conversation.id,
                ...issued,
                streamUrl: streamUrl(req, publicBaseUrl, conversation.id, issued.token, 0),
            });
        }),
    );

    server.get(
        `${BASE}/conversations/:conversationId`,
        route(async (req, res, signer) => {
            const conversationId = conversationParam(req);
            caller(signer, req, conversationId);
            const conversation = await directLine.find(conversationId);
            const issued = signer.issue(conversation.id, conversation.userId);
            const watermark = parseWatermark(queryValue(req, 'watermark'));
            res.send(200, { conversationId, ...issued, streamUrl: streamUrl(req, publicBaseUrl, conversationId, issued.token, watermark) });
        }),
    );

    server.post(
        `${BASE}/conversations/:conversationId/activities`,
        route(async (req, res, signer) => {
            const conversationId = conversationParam(req);
            caller(signer, req, conversationId);
            const parsed = activityBody.safeParse(req.body);
            if (!parsed.success) throw directLineErrors.badArgument(parsed.error.issues[0]?.message ?? 'The body must be an activity.');
            let id: string;
            try {
                id = await directLine.receiveFromClient(conversationId, parsed.data);
            } catch (error) {
                if (error instanceof DirectLineError) throw error;
                // Conversation ids are bearer-like (a token names one): they stay out of the logs.
                logger.error('the bot failed a direct line turn', { error: (error as Error).message });
                throw directLineErrors.botError();
            }
            res.send(200, { id });
        }),
    );

    server.get(
        `${BASE}/conversations/:conversationId/activities`,
        route(async (req, res, signer) => {
            const conversationId = conversationParam(req);
            caller(signer, req, conversationId);
            res.send(200, await directLine.activitiesAfter(conversationId, parseWatermark(queryValue(req, 'watermark'))));
        }),
    );
}
