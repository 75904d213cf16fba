export interface TokenBucketOptions {
    capacity: number;
    refillPerSecond: number;
    now?: () => number;
    /** Above this many tracked keys, full (idle) buckets are forgotten. */
    maxKeys?: number;
}

/** Per-key token buckets in memory: a burst of `capacity`, then `refillPerSecond` on average. */
export class TokenBucketLimiter {
    private readonly buckets = new Map<string, { tokens: number; at: number }>();
    private readonly now: () => number;

    constructor(private readonly options: TokenBucketOptions) {
        this.now = options.now ?? Date.now;
    }

    /** Takes one token; when none is left, returns the seconds until the next one. */
    take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
        const now = this.now();
        const bucket = this.refilled(key, now);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return { allowed: true };
        }
        return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.options.refillPerSecond) };
    }

    private refilled(key: string, now: number): { tokens: number; at: number } {
        const { capacity, refillPerSecond } = this.options;
        const existing = this.buckets.get(key);
        if (existing) {
            existing.tokens = Math.min(capacity, existing.tokens + ((now - existing.at) / 1000) * refillPerSecond);
            existing.at = now;
            return existing;
        }
        if (this.buckets.size >= (this.options.maxKeys ?? 10_000)) this.forgetIdle(now);
        const created = { tokens: capacity, at: now };
        this.buckets.set(key, created);
        return created;
    }

    private forgetIdle(now: number): void {
        const { capacity, refillPerSecond } = this.options;
        for (const [key, bucket] of this.buckets) {
            if (bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond >= capacity) this.buckets.delete(key);
        }
    }
}
