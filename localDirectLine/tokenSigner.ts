import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

const TOKEN_LIFETIME_SECONDS = 1800;
const PREFIX = 'dl1';

export interface TokenClaims {
    conversationId: string;
    userId: string;
    /** Epoch seconds. */
    expiresAt: number;
}

export type TokenCheck =
    | { kind: 'valid'; claims: TokenClaims }
    | { kind: 'expired' }
    | { kind: 'forged' }
    /** Not shaped like one of our tokens: the caller used a secret. */
    | { kind: 'notToken' };

export interface IssuedToken {
    token: string;
    expires_in: number;
}

/** Conversation-bound tokens signed with a key kept in the store, so they outlive a restart. */
export class TokenSigner {
    constructor(
        private readonly key: Buffer,
        private readonly now: () => number = Date.now,
    ) {}

    static newKey(): Buffer {
        return randomBytes(32);
    }

    issue(conversationId: string, userId: string): IssuedToken {
        const claims: TokenClaims = { conversationId, userId, expiresAt: Math.floor(this.now() / 1000) + TOKEN_LIFETIME_SECONDS };
        const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
        return { token: `${PREFIX}.${payload}.${this.sign(payload)}`, expires_in: TOKEN_LIFETIME_SECONDS };
    }

    check(token: string): TokenCheck {
        const parts = token.split('.');
        if (parts.length !== 3 || parts[0] !== PREFIX) return { kind: 'notToken' };
        const [, payload, signature] = parts as [string, string, string];
        const expected = Buffer.from(this.sign(payload));
        const given = Buffer.from(signature);
        if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { kind: 'forged' };
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
        if (claims.expiresAt * 1000 <= this.now()) return { kind: 'expired' };
        return { kind: 'valid', claims };
    }

    private sign(payload: string): string {
        return createHmac('sha256', this.key).update(payload).digest('base64url');
    }
}
