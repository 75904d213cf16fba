import * as assert from 'assert';
import { isStoreUnavailable } from '../../bot/turnErrorHandler';
import { ETagConflictError, StoreUnavailableError } from '../../core/errors';

describe('recognising a store that is down', () => {
    it('sees StoreUnavailableError itself, wrapped by a dialog (`error`) or as a `cause`', () => {
        const down = new StoreUnavailableError('Cosmos DB: connect ECONNREFUSED');
        assert.ok(isStoreUnavailable(down));
        assert.ok(isStoreUnavailable(Object.assign(new Error('dialog failed'), { error: down })));
        assert.ok(isStoreUnavailable(new Error('save failed', { cause: down })));
    });

    it('does not take other failures for it', () => {
        assert.ok(!isStoreUnavailable(new Error('simulated failure')));
        assert.ok(!isStoreUnavailable(new ETagConflictError('k')));
        assert.ok(!isStoreUnavailable(undefined));
    });
});
