import { timingSafeEqual } from 'crypto';
import type * as restify from 'restify';
import { directLineErrors } from '../core/errors';
import type { TokenClaims, TokenSigner } from './tokenSigner';

export type Caller = { kind: 'token'; claims: TokenClaims } | { kind: 'secret' };

export function bearerOf(req: restify.Request): string | undefined {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
    return match?.[1];
}

const sameText = (a: string, b: string) => {
    const [left, right] = [Buffer.from(a), Buffer.from(b)];
    return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * A conversation-bound token must name this conversation; the secret (when one is configured)
 * must be exactly it. Nothing else is accepted: a bearer string that is not one of our tokens is
 * not the secret just because it is not a token.
 */
export function authorize(signer: TokenSigner, credential: string | undefined, conversationId?: string, secret?: string): Caller {
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
            if (secret && sameText(credential, secret)) return { kind: 'secret' };
            throw directLineErrors.tokenInvalid();
    }
}
