import type * as restify from 'restify';
import { directLineErrors } from '../../core/errors';
import type { TokenClaims, TokenSigner } from './tokenSigner';

export type Caller = { kind: 'token'; claims: TokenClaims } | { kind: 'secret' };

export function bearerOf(req: restify.Request): string | undefined {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
    return match?.[1];
}

/**
 * A conversation-bound token must name this conversation. Anything else that is not one of our
 * tokens counts as the secret: the local endpoint has none to check (local mode is unauthenticated).
 */
export function authorize(signer: TokenSigner, credential: string | undefined, conversationId?: string): Caller {
    if (!credential) throw directLineErrors.missingAuthorization();
    const check = signer.check(credential);
    switch (check.kind) {
        case 'valid':
            if (conversationId !== undefined && check.claims.conversationId !== conversationId) throw directLineErrors.tokenInvalid();
            return { kind: 'token', claims: check.claims };
        case 'expired':
            throw directLineErrors.tokenExpired();
        case 'forged':
            throw directLineErrors.tokenInvalid();
        case 'notToken':
            return { kind: 'secret' };
    }
}
