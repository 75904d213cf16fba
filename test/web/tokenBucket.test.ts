import * as assert from 'assert';
import { TokenBucketLimiter } from '../../web/tokenBucket';

describe('token bucket rate limiter', () => {
    it('allows a burst of `capacity`, then one more per refill interval, per key', () => {
        let now = 0;
        const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 0.5, now: () => now });
        assert.deepStrictEqual([limiter.take('a'), limiter.take('a')], [{ allowed: true }, { allowed: true }]);
        assert.deepStrictEqual(limiter.take('a'), { allowed: false, retryAfterSeconds: 2 });
        assert.deepStrictEqual(limiter.take('b'), { allowed: true }, 'another address has its own bucket');
        now += 2_000;
        assert.deepStrictEqual(limiter.take('a'), { allowed: true });
        assert.strictEqual(limiter.take('a').allowed, false);
    });

    it('forgets idle addresses when it tracks too many', () => {
        let now = 0;
        const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1, now: () => now, maxKeys: 2 });
        limiter.take('a');
        limiter.take('b');
        now += 5_000;
        limiter.take('c');
        // 'a' was forgotten while full, so it starts again with a full bucket rather than being tracked forever.
        assert.deepStrictEqual(limiter.take('a'), { allowed: true });
    });
});
